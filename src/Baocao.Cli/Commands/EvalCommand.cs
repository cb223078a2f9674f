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
        var only = new Option<string?>("--only") { Description = "only the documents whose file name contains one of these comma-separated texts (e.g. scan200 or 01-,08-)" };
        var cmd = new Command("eval", "Accuracy against the corpus ground truth (*.truth.json)") { dir, verbose, only };
        cmd.SetAction(p => Run(p.GetValue(dir)!, p.GetValue(verbose), p.GetValue(only)));
        return cmd;
    }

    private static int Run(string dir, bool verbose, string? only)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        var extractor = Extractor.CreateDefault();
        // Every document with a truth: the DOCX, its digital PDF, and the scanned variants in scanned/ that share it.
        var jobs = new List<(string file, string truth, string kind)>();
        foreach (var truthPath in Directory.GetFiles(dir, "*.truth.json").Order())
        {
            var stem = truthPath[..^".truth.json".Length];
            var name = Path.GetFileName(stem);
            if (File.Exists(stem + ".docx")) jobs.Add((stem + ".docx", truthPath, "DOCX"));
            if (File.Exists(stem + ".pdf")) jobs.Add((stem + ".pdf", truthPath, "PDF"));
            var scans = Path.Combine(dir, "scanned");
            if (Directory.Exists(scans))
                foreach (var scan in Directory.GetFiles(scans, name + ".scan*.pdf").Order())
                    jobs.Add((scan, truthPath, "SCAN " + Path.GetFileNameWithoutExtension(scan)[(name.Length + 5)..] + " dpi"));
        }
        if (only is not null)
        {
            var parts = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            jobs = jobs.Where(j => parts.Any(p => Path.GetFileName(j.file).Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        }
        var results = new Comparison?[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (file, truthPath, _) = jobs[i];
            using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
            try { results[i] = TruthComparer.Compare(file, extractor.Extract(file), truth.RootElement); }
            catch (BadInputException e) { Console.Error.WriteLine($"error: {e.FilePath}: {e.Reason}"); }
        });
        for (var i = 0; i < jobs.Count; i++)
        {
            if (results[i] is not { } cmp) continue;
            var bad = cmp.Mismatches.ToList();
            Console.WriteLine($"{Path.GetFileName(jobs[i].file),-48} {Line(cmp)}");
            foreach (var m in verbose ? bad : bad.Take(5))
                Console.WriteLine($"    {m.Path}: expected «{m.Expected}», got «{m.Actual}»");
            if (!verbose && bad.Count > 5) Console.WriteLine($"    … {bad.Count - 5} more (--verbose)");
        }
        Console.WriteLine();
        foreach (var group in jobs.Select((j, i) => (j.kind, cmp: results[i])).Where(x => x.cmp is not null).GroupBy(x => x.kind).OrderBy(g => g.Key))
        {
            var all = new Comparison(group.Key, group.SelectMany(x => x.cmp!.Fields).ToList());
            var numeric = new Comparison(group.Key, group.SelectMany(x => x.cmp!.Fields).Where(f => f.Category == TruthComparer.Cell && TruthComparer.IsNumericCell(f)).ToList());
            Console.WriteLine($"{group.Key} ({group.Count()} files): {Line(all)}  numeric cells {Pct(numeric.Score(TruthComparer.Cell))}");
        }
        return 0;
    }

    private static string Pct((int ok, int total) s) => s.total == 0 ? "   -  " : $"{100.0 * s.ok / s.total,6:0.00}% ({s.ok}/{s.total})";

    private static string Line(Comparison c)
    {
        return $"header {Pct(c.Score(TruthComparer.Header))}  table {Pct(c.Score(TruthComparer.Table))}  cells {Pct(c.Score(TruthComparer.Cell))}  figures {Pct(c.Score(TruthComparer.Figure))}";
    }
}
