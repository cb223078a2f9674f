using System.CommandLine;
using System.Diagnostics;
using Baocao.Native;
using Baocao.Pipeline;

namespace Baocao.Tools.Bench;

/// <summary>
/// <c>baocao bench extract</c>: pages per second for digital PDFs end to end (all stages, all cores), beside bare
/// <c>pdftotext</c> on the same files with the same parallelism, in the same run. <c>bench ocr</c>: scanned pages per
/// second. <c>bench check</c>: reports per second through the checks stage, beside extraction.
/// </summary>
public static class BenchCommand
{
    public static Command Create(BenchHost host)
    {
        var bench = new Command("bench", "Measure speed on the corpus");
        var dir = new Option<string>("--dir") { Description = "folder of PDFs", DefaultValueFactory = _ => "corpus-samples" };
        var rounds = new Option<int>("--rounds") { Description = "passes over the files", DefaultValueFactory = _ => 5 };
        var extract = new Command("extract", "PDF pages/s end to end vs bare pdftotext") { dir, rounds };
        extract.SetAction(p => RunExtract(p.GetValue(dir)!, p.GetValue(rounds)));
        bench.Subcommands.Add(extract);

        var scanDir = new Option<string>("--dir") { Description = "folder of scanned PDFs", DefaultValueFactory = _ => "corpus-samples/scanned" };
        var maxFiles = new Option<int>("--files") { Description = "how many scanned PDFs (of each resolution)", DefaultValueFactory = _ => 3 };
        var ocr = new Command("ocr", "Scanned pages/s through baocao's OCR vs the tesseract command on the same whole pages") { scanDir, maxFiles };
        ocr.SetAction(p => RunOcr(p.GetValue(scanDir)!, p.GetValue(maxFiles)));
        bench.Subcommands.Add(ocr);

        var checkDir = new Option<string>("--dir") { Description = "folder of DOCX and PDF reports", DefaultValueFactory = _ => "corpus-samples" };
        var checkRounds = new Option<int>("--rounds") { Description = "passes over the records", DefaultValueFactory = _ => 20 };
        var check = new Command("check", "Reports/s through the checks (within each report, and across the set), beside extraction") { checkDir, checkRounds };
        check.SetAction(p => RunCheck(p.GetValue(checkDir)!, p.GetValue(checkRounds)));
        bench.Subcommands.Add(check);
        bench.Subcommands.Add(BenchSearchCommand.Create(host));
        bench.Subcommands.Add(BenchServeCommand.Create(host));
        BenchIngestCommand.AddTo(bench, host);
        BenchFuzzCommand.AddTo(bench, host);
        BenchMemoryCommand.AddTo(bench, host);
        return bench;
    }

    private static int RunCheck(string dir, int rounds)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        var files = Directory.GetFiles(dir, "*.docx").Concat(Directory.GetFiles(dir, "*.pdf")).Order().ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"error: {dir}: no DOCX or PDF files"); return 1; }
        var extractor = Extractor.CreateDefault(ocrWorkers: 0);
        var sw = Stopwatch.StartNew();
        var records = files.Select(f => extractor.Extract(f)).ToList();
        var extract = sw.Elapsed.TotalSeconds;
        var checker = Checks.ReportChecker.CreateDefault();
        var cross = Checks.CrossReportChecker.CreateDefault();
        Console.WriteLine($"{records.Count} reports (DOCX and digital PDF), {records.Sum(r => r.Tables.Sum(t => t.Rows.Count))} table rows, {records.Sum(r => r.Figures.Count)} prose figures, {rounds} rounds, one thread");
        // Warm-up (JIT), not measured.
        foreach (var r in records) checker.Check(r);
        cross.Check(new Checks.InMemoryReportSource(records));

        var (findingsWithin, findingsAcross) = (0, 0);
        sw.Restart();
        for (var i = 0; i < rounds; i++) foreach (var r in records) findingsWithin += checker.Check(r).Count;
        var within = sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (var i = 0; i < rounds; i++) findingsAcross += cross.Check(new Checks.InMemoryReportSource(records)).Count;
        var across = sw.Elapsed.TotalSeconds;
        var n = records.Count * rounds;
        Console.WriteLine($"checks within each report: {n / within,9:0} reports/s  ({within * 1000 / n:0.000} ms/report)");
        Console.WriteLine($"checks across the set:     {rounds / across,9:0.0} sets/s     ({across * 1000 / rounds:0.00} ms for {records.Count} reports)");
        Console.WriteLine($"extraction, for scale:     {records.Count / extract,9:0.0} reports/s  ({extract * 1000 / records.Count:0.0} ms/report, one pass, one thread)");
        Console.WriteLine($"findings (all severities): {findingsWithin / rounds} within the reports, {findingsAcross / rounds} across them");
        return 0;
    }

    private static int RunOcr(string dir, int perResolution)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        var files = Directory.GetFiles(dir, "*.scan200.pdf").Order().Take(perResolution)
            .Concat(Directory.GetFiles(dir, "*.scan300.pdf").Order().Take(perResolution)).ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"error: {dir}: no scanned PDFs (*.scan200.pdf, *.scan300.pdf)"); return 1; }
        var workers = Environment.ProcessorCount;
        var toolkit = new PopplerMuPdfToolkit();
        var pages = files.Select(f => (file: f, pages: toolkit.Inspect(f).Pages, dpi: toolkit.ListImages(f).Select(i => i.Dpi).DefaultIfEmpty(300).Max())).ToList();
        var total = pages.Sum(p => p.pages);
        var opts = new ParallelOptions { MaxDegreeOfParallelism = workers };
        Console.WriteLine($"{files.Count} scanned PDFs, {total} pages, {workers} workers");

        var extractor = Extractor.CreateDefault(ocrWorkers: workers);
        var sw = Stopwatch.StartNew();
        Parallel.ForEach(files, opts, f => extractor.Extract(f));
        var ours = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"baocao (render, prepare, grid, per-cell OCR, whole record): {total / ours,6:0.00} pages/s  ({ours / total:0.00} s/page)");

        // The yardstick: the tesseract command on the same whole pages, rendered the same way, same parallelism.
        var jobs = pages.SelectMany(p => Enumerable.Range(1, p.pages).Select(n => (p.file, n, p.dpi))).ToList();
        foreach (var (label, env) in new[] { ("tesseract CLI, default threading", (string?)null), ("tesseract CLI, OMP_THREAD_LIMIT=1", "1") })
        {
            sw.Restart();
            Parallel.ForEach(jobs, opts, j =>
            {
                var folder = Directory.CreateTempSubdirectory("baocao-bench").FullName;
                try
                {
                    var (image, _) = toolkit.RenderPage(j.file, j.n, j.dpi, folder);
                    var args = env is null ? $"tesseract {image} stdout -l vie" : $"OMP_THREAD_LIMIT={env} tesseract {image} stdout -l vie";
                    ProcessRunner.Run("sh", ["-c", args + " 2>/dev/null"], o => o.ReadToEnd(), TimeSpan.FromMinutes(5));
                }
                finally { Directory.Delete(folder, true); }
            });
            var cli = sw.Elapsed.TotalSeconds;
            Console.WriteLine($"{label + ":",-58} {total / cli,6:0.00} pages/s  ({cli / total:0.00} s/page)");
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return 0;
    }

    private static int RunExtract(string dir, int rounds)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        // The folder itself: the digital PDFs (scans have their own benchmark, bench ocr).
        var files = Directory.GetFiles(dir, "*.pdf").Order().ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"error: {dir}: no PDF files"); return 1; }
        var extractor = Extractor.CreateDefault();
        var toolkit = new PopplerMuPdfToolkit();
        var pages = files.Sum(f => toolkit.Inspect(f).Pages);
        var workers = Environment.ProcessorCount;
        var opts = new ParallelOptions { MaxDegreeOfParallelism = workers };
        Console.WriteLine($"{files.Count} PDF files, {pages} pages, {rounds} rounds, {workers} workers");

        // Warm-up: JIT and the OS file cache, not measured.
        Parallel.ForEach(files, opts, f => extractor.Extract(f));

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) Parallel.ForEach(files, opts, f => extractor.Extract(f));
        var ours = sw.Elapsed.TotalSeconds;

        sw.Restart();
        for (var i = 0; i < rounds; i++)
            Parallel.ForEach(files, opts, f => ProcessRunner.Run("pdftotext", ["-layout", f, "-"], o => o.ReadToEnd(), TimeSpan.FromMinutes(1)));
        var bare = sw.Elapsed.TotalSeconds;

        var total = pages * rounds;
        Console.WriteLine($"baocao extract (end to end): {total / ours,8:0.0} pages/s  ({ours * 1000 / total:0.0} ms/page)");
        Console.WriteLine($"bare pdftotext -layout:      {total / bare,8:0.0} pages/s  ({bare * 1000 / total:0.0} ms/page)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        return 0;
    }
}
