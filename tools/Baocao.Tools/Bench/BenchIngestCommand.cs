using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Baocao.Index;
using Baocao.Ingest;
using Baocao.Native;
using Baocao.Pipeline;

namespace Baocao.Tools.Bench;

/// <summary>
/// <c>bench ingest</c>: bulk-ingest speed and memory on a generated archive (digital variants of the corpus, scanned
/// pages, a few corrupt files), with worker processes as <c>ingest</c> runs them. <c>bench resume</c>: the resume test:
/// a clean ingest of an archive, then an ingest of the same archive killed (SIGKILL) at random points and resumed each
/// time; the two indexes must hold the same content (<see cref="SqliteReportIndex.DumpContent"/>).
/// </summary>
public static class BenchIngestCommand
{
    public static void AddTo(Command bench, BenchHost host)
    {
        var dir = BenchOptions.Corpus("the corpus to copy from (its scanned/ folder for scans)");
        var files = new Option<int>("--files") { Description = "digital files (DOCX and PDF variants of the samples)", DefaultValueFactory = _ => 2000 };
        var scanned = new Option<int>("--scanned-pages") { Description = "at least this many scanned pages (whole scanned PDFs)", DefaultValueFactory = _ => 100 };
        var corrupt = new Option<int>("--corrupt") { Description = "corrupt files among them", DefaultValueFactory = _ => 20 };
        var workers = new Option<int>("--workers") { Description = "worker processes", DefaultValueFactory = _ => Environment.ProcessorCount };
        var keep = BenchOptions.Keep("generate the archive and index in this folder and keep them (default: a temporary folder, removed)");
        var ingest = new Command("ingest", "Bulk ingest on a generated archive: files/s, pages/s (digital and scanned), peak memory") { dir, files, scanned, corrupt, workers, keep };
        ingest.SetAction(p => RunIngest(p.GetValue(dir)!, p.GetValue(files), p.GetValue(scanned), p.GetValue(corrupt), Math.Max(1, p.GetValue(workers)), p.GetValue(keep), host));
        bench.Subcommands.Add(ingest);

        var rdir = BenchOptions.Corpus("the corpus to copy from");
        var rfiles = new Option<int>("--files") { Description = "digital files", DefaultValueFactory = _ => 300 };
        var rscanned = new Option<int>("--scanned-pages") { Description = "scanned pages (OCR in flight when a kill lands)", DefaultValueFactory = _ => 6 };
        var kills = new Option<int>("--kills") { Description = "kills before the run may finish", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "seed of the kill times", DefaultValueFactory = _ => 7 };
        var rkeep = BenchOptions.Keep("work in this folder and keep it (the two indexes and their dumps)");
        var resume = new Command("resume", "Kill an ingest (SIGKILL) at random points, resume it each time, compare the final index with a clean run's") { rdir, rfiles, rscanned, kills, seed, rkeep };
        resume.SetAction(p => RunResume(p.GetValue(rdir)!, p.GetValue(rfiles), p.GetValue(rscanned), p.GetValue(kills), p.GetValue(seed), p.GetValue(rkeep), host));
        bench.Subcommands.Add(resume);
    }

    private static int RunIngest(string corpus, int files, int scannedPages, int corrupt, int workers, string? keep, BenchHost host)
    {
        using var folder = BenchFolder.Open(corpus, keep, "baocao-bench-ingest");
        if (folder is null) return 1;
        var work = folder.Path;
        {
            var toolkit = new PopplerMuPdfToolkit();
            var sw = Stopwatch.StartNew();
            var archive = ArchiveGenerator.Generate(corpus, Path.Combine(work, "archive"), files, scannedPages, corrupt, f => toolkit.Inspect(f).Pages);
            Console.WriteLine($"archive: {archive.DigitalFiles} digital files, {archive.ScannedFiles} scanned PDFs ({archive.ScannedPages} pages), {archive.CorruptFiles} corrupt files; generated in {sw.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"{workers} worker processes on {Environment.ProcessorCount} cores");
            var version = Extractor.DefaultVersion();
            var extensions = Extractor.CreateDefault(ocrWorkers: 0).Extensions;
            using var index = SqliteReportIndex.OpenWrite(Path.Combine(work, "bench.db"));
            var slots = new ConcurrentBag<WorkerProcessExtractor>();
            var options = new WorkerOptions(host.Worker(), TimeSpan.FromSeconds(300));
            IFileExtractor Slot() { var w = new WorkerProcessExtractor(options); slots.Add(w); return w; }
            var ingest = new ArchiveIngest(index, Slot, new IngestOptions(workers, version));

            var digital = FolderWalk.Expand([archive.Root], extensions).Files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}scans{Path.DirectorySeparatorChar}")).ToList();
            var scans = FolderWalk.Expand([Path.Combine(archive.Root, "scans")], extensions).Files;
            var d = ingest.Run(digital);
            Print("digital (DOCX, PDF, corrupt)", d);
            var s = scans.Count > 0 ? ingest.Run(scans) : null;
            if (s is not null) Print("scanned PDFs (OCR)", s);
            var all = new[] { d, s }.OfType<ArchiveIngest.Outcome>().ToList();
            var secs = all.Sum(o => o.Totals.Elapsed.TotalSeconds);
            var done = all.Sum(o => o.Totals.Done);
            var pages = all.Sum(o => o.Totals.Pages);
            Console.WriteLine($"{"all",-30} {done,6} files {pages,7} pages in {secs,7:0.0} s: {done / secs,7:0.00} files/s {pages / secs,7:0.00} pages/s");

            var again = ingest.Run(digital.Concat(scans).ToList());
            Console.WriteLine($"second run over the same archive: {again.Totals.Skipped} unchanged and {again.Totals.FailedBefore} failed-before skipped, {again.Totals.Done} extracted, in {again.Totals.Elapsed.TotalSeconds:0.0} s");
            var stats = index.Stats();
            Console.WriteLine($"index: {stats.Documents} reports, {stats.Tables} tables, {stats.Rows} rows, {stats.Failed} failed files, {stats.Bytes / (1024 * 1024)} MiB");
            var parent = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            var worker = slots.Max(w => w.PeakResidentBytes) / (1024 * 1024);
            Console.WriteLine($"peak memory: ingest process {parent} MiB, largest worker {worker} MiB (sampled every 200 ms), bound ≈ {parent + worker * workers} MiB with {workers} workers; {slots.Sum(w => w.Starts)} worker start(s)");
            return 0;
        }
    }

    private static void Print(string label, ArchiveIngest.Outcome o)
    {
        var t = o.Totals;
        Console.WriteLine($"{label,-30} {t.Done,6} files {t.Pages,7} pages in {t.Elapsed.TotalSeconds,7:0.0} s: {t.FilesPerSecond,7:0.00} files/s {t.PagesPerSecond,7:0.00} pages/s ({t.Failed} failed)");
    }

    private static int RunResume(string corpus, int files, int scannedPages, int kills, int seed, string? keep, BenchHost host)
    {
        using var folder = BenchFolder.Open(corpus, keep, "baocao-bench-ingest");
        if (folder is null) return 1;
        var work = folder.Path;
        // Kept until the two indexes are found identical: a failed run's dumps (or an exception's half-done work) stay.
        var kept = folder.Kept;
        folder.Kept = true;
        var ok = false;
        {
            var toolkit = new PopplerMuPdfToolkit();
            var archive = ArchiveGenerator.Generate(corpus, Path.Combine(work, "archive"), files, scannedPages, corrupt: 8, f => toolkit.Inspect(f).Pages);
            Console.WriteLine($"archive: {archive.Files} files ({archive.DigitalFiles} digital, {archive.ScannedFiles} scanned with {archive.ScannedPages} pages, {archive.CorruptFiles} corrupt)");
            var clean = Path.Combine(work, "clean.db");
            var resumed = Path.Combine(work, "resumed.db");
            var sw = Stopwatch.StartNew();
            var code = RunIngestProcess(host, archive.Root, clean, null, out _);
            var total = sw.Elapsed;
            Console.WriteLine($"clean run: {total.TotalSeconds:0.0} s (exit {code})");

            var rnd = new Random(seed);
            for (var k = 1; k <= kills; k++)
            {
                var before = Documents(resumed);
                // A random point of what is left to do (the run re-plans and skips what is stored).
                var left = total.TotalSeconds * Math.Max(0.05, 1 - (double)before / Math.Max(1, archive.Files));
                var at = TimeSpan.FromSeconds(0.3 + rnd.NextDouble() * 0.85 * left);
                RunIngestProcess(host, archive.Root, resumed, at, out var killed);
                var after = Documents(resumed);
                Console.WriteLine($"run {k}: {(killed ? $"killed (SIGKILL) after {at.TotalSeconds:0.0} s" : "finished before its kill time")}; index holds {after} report(s) (+{after - before})");
            }
            code = RunIngestProcess(host, archive.Root, resumed, null, out _);
            Console.WriteLine($"final resumed run: exit {code}; index holds {Documents(resumed)} report(s)");

            var (a, b) = (Dump(clean), Dump(resumed));
            File.WriteAllText(Path.Combine(work, "clean.dump.txt"), a);
            File.WriteAllText(Path.Combine(work, "resumed.dump.txt"), b);
            ok = a == b;
            using (var ia = SqliteReportIndex.OpenRead(clean))
            using (var ib = SqliteReportIndex.OpenRead(resumed))
            {
                var (sa, sb) = (ia.Stats(), ib.Stats());
                Console.WriteLine($"clean:   {sa.Documents} reports, {sa.Tables} tables, {sa.Rows} rows, {sa.Figures} figures, {sa.Failed} failed; digest {ia.ContentDigest()[..16]}");
                Console.WriteLine($"resumed: {sb.Documents} reports, {sb.Tables} tables, {sb.Rows} rows, {sb.Figures} figures, {sb.Failed} failed; digest {ib.ContentDigest()[..16]}");
            }
            if (ok) Console.WriteLine("identical: the resumed index holds exactly the clean run's content");
            else
            {
                var (la, lb) = (a.Split('\n'), b.Split('\n'));
                var i = 0;
                while (i < Math.Min(la.Length, lb.Length) && la[i] == lb[i]) i++;
                Console.Error.WriteLine($"error: the indexes differ (first at dump line {i + 1}):\n  clean:   {Cut(la.ElementAtOrDefault(i))}\n  resumed: {Cut(lb.ElementAtOrDefault(i))}");
                Console.Error.WriteLine($"dumps kept in {work}");
            }
            folder.Kept = kept || !ok;
            return ok ? 0 : 1;
        }

        static string Cut(string? s) => s is null ? "(end)" : s.Length > 200 ? s[..200] + "…" : s;
    }

    private static long Documents(string db)
    {
        if (!File.Exists(db)) return 0;
        using var i = SqliteReportIndex.OpenRead(db);
        return i.Stats().Documents;
    }

    private static string Dump(string db)
    {
        using var i = SqliteReportIndex.OpenRead(db);
        using var sw = new StringWriter();
        i.DumpContent(sw);
        return sw.ToString();
    }

    /// <summary>Runs <c>baocao ingest</c> as a child process; kills it (SIGKILL, the process alone, as kill -9 would) after <paramref name="killAfter"/>.</summary>
    private static int RunIngestProcess(BenchHost host, string folder, string index, TimeSpan? killAfter, out bool killed)
    {
        var cmd = host.Self(["ingest", folder, "--index", index]);
        var psi = new ProcessStartInfo(cmd[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in cmd.Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        killed = false;
        if (killAfter is { } t && !p.WaitForExit(t))
        {
            p.Kill(entireProcessTree: false);
            killed = true;
        }
        p.WaitForExit();
        return killed ? -9 : p.ExitCode;
    }
}
