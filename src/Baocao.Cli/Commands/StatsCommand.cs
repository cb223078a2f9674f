using System.CommandLine;
using System.Text.Json.Nodes;
using Baocao.Index;

namespace Baocao.Cli;

/// <summary><c>baocao stats [--index FILE] [--json]</c>: the index's counts as JSON (reports, tables, rows, failed files …).</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var opts = new IndexOptions();
        var json = new Option<bool>("--json") { Description = "one compact line (the default is indented)" };
        var cmd = new Command("stats", "The index's counts as JSON: documents, tables, rows, failed files") { opts.Index, json };
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            using var index = IndexLocation.OpenRead(IndexOptions.IndexPath(p, opts.Index));
            var s = index.Stats();
            var o = new JsonObject
            {
                ["documents"] = s.Documents, ["tables"] = s.Tables, ["rows"] = s.Rows, ["failed"] = s.Failed,
                ["values"] = s.Values, ["figures"] = s.Figures, ["bytes"] = s.Bytes, ["index"] = index.Location,
            };
            Console.WriteLine(o.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = !p.GetValue(json) }));
            return 0;
        }));
        return cmd;
    }
}
