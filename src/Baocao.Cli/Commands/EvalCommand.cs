using System.CommandLine;
using System.Text.Json;
using Baocao.Evaluation;
using Baocao.Pipeline;
using Baocao.Readers;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao eval</c>: extracts every corpus sample that has a hand-checked truth file and reports header-field,
/// table and cell accuracy per format, with the fields that differ.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "corpus folder", DefaultValueFactory = _ => "corpus-samples" };
        var verbose = new Option<bool>("--verbose") { Description = "list every mismatching field" };
        var cmd = new Command("eval", "Accuracy against the corpus ground truth (*.truth.json)") { dir, verbose };
        cmd.SetAction(p => Run(p.GetValue(dir)!, p.GetValue(verbose)));
        return cmd;
    }

    private static int Run(string dir, bool verbose)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        var extractor = Extractor.CreateDefault();
        var byFormat = new Dictionary<string, List<Comparison>>();
        foreach (var truthPath in Directory.GetFiles(dir, "*.truth.json").Order())
        {
            var stem = truthPath[..^".truth.json".Length];
            using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
            foreach (var ext in new[] { ".docx", ".pdf" })
            {
                var file = stem + ext;
                if (!File.Exists(file)) continue;
                Comparison cmp;
                try { cmp = TruthComparer.Compare(file, extractor.Extract(file), truth.RootElement); }
                catch (BadInputException e) { Console.Error.WriteLine($"error: {e.FilePath}: {e.Reason}"); continue; }
                (byFormat.TryGetValue(ext, out var list) ? list : byFormat[ext] = []).Add(cmp);
                var bad = cmp.Mismatches.ToList();
                Console.WriteLine($"{Path.GetFileName(file),-45} {Line(cmp)}");
                foreach (var m in verbose ? bad : bad.Take(5))
                    Console.WriteLine($"    {m.Path}: expected «{m.Expected}», got «{m.Actual}»");
                if (!verbose && bad.Count > 5) Console.WriteLine($"    … {bad.Count - 5} more (--verbose)");
            }
        }
        Console.WriteLine();
        foreach (var (ext, list) in byFormat.OrderBy(kv => kv.Key))
        {
            var all = new Comparison(ext, list.SelectMany(c => c.Fields).ToList());
            Console.WriteLine($"{ext[1..].ToUpperInvariant()} ({list.Count} files): {Line(all)}");
        }
        return 0;
    }

    private static string Line(Comparison c)
    {
        static string Pct((int ok, int total) s) => s.total == 0 ? "   -  " : $"{100.0 * s.ok / s.total,6:0.00}% ({s.ok}/{s.total})";
        return $"header {Pct(c.Score(TruthComparer.Header))}  table {Pct(c.Score(TruthComparer.Table))}  cells {Pct(c.Score(TruthComparer.Cell))}  figures {Pct(c.Score(TruthComparer.Figure))}";
    }
}
