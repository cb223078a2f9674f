using System.CommandLine;
using Baocao.Documents;
using Baocao.Layout;
using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Tables;

namespace Baocao.Cli;

/// <summary><c>baocao debug blocks FILE</c>: the reader stage's blocks, for diagnosing layout problems.</summary>
public static class DebugCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE");
        var blocks = new Command("blocks", "Print the blocks the reader produced (text lines and table grids)") { file };
        blocks.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            var content = Extractor.CreateDefault(ocrWorkers: 1).Read(path);
            foreach (var b in content.Blocks)
            {
                switch (b)
                {
                    case TextBlock t:
                        Console.WriteLine($"p{t.Page} {t.Side,-5} {(t.Centered ? "C" : " ")}{(t.Bold ? "B" : " ")} {(t.Box is { } bx ? $"[{bx.X0:0},{bx.Y0:0},{bx.X1:0},{bx.Y1:0}]" : "")} {t.Text}");
                        break;
                    case TableBlock tb:
                        var g = tb.Grid;
                        Console.WriteLine($"p{g.Page} TABLE {g.Rows}x{g.Cols} ({g.Detector})");
                        for (var r = 0; r < g.Rows; r++)
                            Console.WriteLine("    | " + string.Join(" | ", Enumerable.Range(0, g.Cols).Select(c => g.IsOrigin(r, c) ? g.TextAt(r, c) : "^")));
                        break;
                }
            }
            foreach (var w in content.Warnings) Console.WriteLine($"warning: {w}");
        });
        var cmd = new Command("debug", "Developer diagnostics");
        cmd.Subcommands.Add(blocks);
        return cmd;
    }
}
