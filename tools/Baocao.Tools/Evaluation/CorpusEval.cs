using System.Text.Json;
using Baocao.Checks;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Tools.Evaluation;

/// <summary>
/// The corpus evaluation of <c>baocao eval</c>: extracts every corpus sample that has a hand-checked truth file (the DOCX,
/// its digital PDF, its scans and its legacy variants) and prints header-field, table and cell accuracy per file and per
/// format, with the fields that differ, and the checks' recall of the expected findings and their false alarms.
/// </summary>
public static class CorpusEval
{
    public static int Run(string dir, bool verbose, string? only)
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
            // The legacy encodings and the .doc made from the sample (legacy/NAME.tcvn3.docx, NAME.vni.pdf, NAME.doc).
            var legacy = Path.Combine(dir, "legacy");
            if (Directory.Exists(legacy))
                foreach (var old in Directory.GetFiles(legacy, name + ".*").Order(StringComparer.Ordinal))
                    jobs.Add((old, truthPath, "LEGACY " + Path.GetFileName(old)[(name.Length + 1)..].ToUpperInvariant()));
        }
        if (only is not null)
        {
            var parts = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            jobs = jobs.Where(j => parts.Any(p => Path.GetFileName(j.file).Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        }
        var records = new ReportRecord?[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try { records[i] = extractor.Extract(jobs[i].file); }
            catch (BadInputException e) { Console.Error.WriteLine($"error: {LogText.Escape(e.FilePath)}: {LogText.Escape(e.Reason)}"); }
        });
        // The checks across reports run over the samples of one kind together (the DOCX set, the PDF set, each scan set),
        // as `check` does over the files it is given.
        foreach (var kind in jobs.Select(j => j.kind).Distinct())
        {
            var idx = Enumerable.Range(0, jobs.Count).Where(i => jobs[i].kind == kind && records[i] is not null).ToList();
            var applied = CrossReportChecker.CreateDefault().Apply(idx.Select(i => records[i]!).ToList());
            for (var k = 0; k < idx.Count; k++) records[idx[k]] = applied[k];
        }
        var results = new Comparison?[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            if (records[i] is not { } record) continue;
            using var truth = JsonDocument.Parse(File.ReadAllText(jobs[i].truth));
            results[i] = TruthComparer.Compare(jobs[i].file, record, truth.RootElement);
        }
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
            var cmps = group.Select(x => x.cmp!).ToList();
            var found = cmps.Sum(c => c.CheckRecall.found);
            var expected = cmps.Sum(c => c.CheckRecall.expected);
            var clean = cmps.Where(c => c.Clean).ToList();
            Console.WriteLine($"    checks: recall {Pct((found, expected))}, false alarms {cmps.Sum(c => c.FalseAlarms)} " +
                $"(on the {clean.Count} clean samples {clean.Sum(c => c.FalseAlarms)}, errors or warnings on {clean.Count(c => c.FalseAlarms > 0)} of them); " +
                $"reading doubts {cmps.Sum(c => c.Doubts)}");
        }
        return 0;
    }

    private static string Pct((int ok, int total) s) => s.total == 0 ? "   -  " : $"{100.0 * s.ok / s.total,6:0.00}% ({s.ok}/{s.total})";

    private static string Line(Comparison c)
    {
        var (found, expected) = c.CheckRecall;
        return $"header {Pct(c.Score(TruthComparer.Header))}  table {Pct(c.Score(TruthComparer.Table))}  cells {Pct(c.Score(TruthComparer.Cell))}  figures {Pct(c.Score(TruthComparer.Figure))}  checks {found}/{expected} found, {c.FalseAlarms} false alarm(s){(c.Doubts > 0 ? $", {c.Doubts} doubt(s)" : "")}";
    }
}
