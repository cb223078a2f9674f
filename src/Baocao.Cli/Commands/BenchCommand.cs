using System.CommandLine;
using System.Diagnostics;
using Baocao.Native;
using Baocao.Pipeline;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao bench extract</c>: pages per second for digital PDFs end to end (all stages, all cores), beside bare
/// <c>pdftotext</c> on the same files with the same parallelism, in the same run.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed on the corpus");
        var dir = new Option<string>("--dir") { Description = "folder of PDFs", DefaultValueFactory = _ => "corpus-samples" };
        var rounds = new Option<int>("--rounds") { Description = "passes over the files", DefaultValueFactory = _ => 5 };
        var extract = new Command("extract", "PDF pages/s end to end vs bare pdftotext") { dir, rounds };
        extract.SetAction(p => RunExtract(p.GetValue(dir)!, p.GetValue(rounds)));
        bench.Subcommands.Add(extract);
        return bench;
    }

    private static int RunExtract(string dir, int rounds)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"error: {dir}: no such folder"); return 1; }
        var files = Directory.GetFiles(dir, "*.pdf", SearchOption.AllDirectories).Order().ToList();
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
