using System.CommandLine;
using System.Diagnostics;
using Baocao.Index;
using Baocao.Ingest;
using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Text;
using Spectre.Console;

namespace Baocao.Cli;

/// <summary>
/// <c>baocao ingest PATH… [--index FILE] [--workers N] [--timeout S] [--memory-limit MiB]</c>: bulk, resumable,
/// idempotent loading of files and folders (recursively: .pdf, .docx, .doc) into the index (<see cref="ArchiveIngest"/>).
/// Extraction runs in worker processes, one per core, so a crash, hang or runaway memory on one file only marks that
/// file failed. A bad file gets one line, <c>error: PATH: reason</c>; the run report is printed and written as JSON
/// beside the index. A file that is not a baocao index is never written to.
/// </summary>
public static class IngestCommand
{
    /// <summary>Test hook: the ingest kills itself (SIGKILL) before writing its Nth result, as a kill -9 from outside would.</summary>
    public const string KillVariable = "BAOCAO_TEST_KILL_BEFORE_WRITE";

    /// <summary>Test hook: the disk "fills up" (ENOSPC) when the source copy after the Nth stored report is made.</summary>
    public const string DiskFullVariable = "BAOCAO_TEST_DISK_FULL_AFTER";

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "report files (.docx, .pdf, .doc) or folders to walk", Arity = ArgumentArity.OneOrMore };
        var opts = new IndexOptions();
        var workers = new Option<int>("--workers") { Description = "files extracted at once, each in its own worker process (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<int>("--timeout") { Description = "seconds one file may take before its worker is stopped and the file marked failed", DefaultValueFactory = _ => 300 };
        var memory = new Option<int>("--memory-limit") { Description = "MiB a worker may use before it is stopped and its file marked failed", DefaultValueFactory = _ => 2048 };
        var retry = new Option<bool>("--retry-failed") { Description = "extract again the files that failed before, though unchanged (after installing a missing tool, or with a longer --timeout)" };
        var follow = new Option<bool>("--follow-links") { Description = "follow links that lead out of the folders given (links inside them are always followed, each real folder once)" };
        var cmd = new Command("ingest", "Extract reports and store them in the index (the default index is in the data folder); resumable, skips unchanged files")
            { paths, opts.Index, workers, timeout, memory, retry, follow };
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            try
            {
                return Run(p.GetValue(paths)!, IndexOptions.IndexPath(p, opts.Index),
                    Math.Max(1, p.GetValue(workers)), TimeSpan.FromSeconds(Math.Max(1, p.GetValue(timeout))), Math.Max(256, p.GetValue(memory)), p.GetValue(retry), p.GetValue(follow));
            }
            catch (Exception e) when (e is ToolMissingException || e is AggregateException { InnerException: ToolMissingException })
            {
                // The worker processes could not be started: nothing can be extracted, so one line and stop.
                var tool = (e as ToolMissingException ?? (ToolMissingException)e.InnerException!).Tool;
                Console.Error.WriteLine($"error: cannot start the extraction workers ({tool} could not be run)");
                return 2;
            }
        }));
        return cmd;
    }

    private static int Run(string[] paths, string location, int workers, TimeSpan timeout, int memoryMiB, bool retryFailed, bool followLinks)
    {
        // The extractor here only names the version and the extensions (and fails early, in one line, without the model);
        // the workers extract.
        var extractor = Extractor.CreateDefault(ocrWorkers: 0);
        var version = Extractor.DefaultVersion();
        var (files, missing, skipped) = FolderWalk.Expand(paths, extractor.Extensions, followLinks);
        foreach (var (path, reason) in skipped) Console.Error.WriteLine($"warning: {LogText.Escape(path)}: {reason}");
        foreach (var m in missing) Console.Error.WriteLine($"error: {LogText.Escape(m)}: no such file or folder");
        using var index = IndexLocation.OpenWrite(location);
        var workerOptions = new WorkerOptions(WorkerCommand.SelfCommand(), timeout, memoryMiB);
        var kill = int.TryParse(Environment.GetEnvironmentVariable(KillVariable), out var k) ? k : -1;
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        // A copy of each PDF in the data folder, for the web interface's source page images (it opens nothing outside it).
        // A copy that cannot be made costs the page images of that report only, with one line.
        var sources = SourceStore.For(location);
        var fullAfter = int.TryParse(Environment.GetEnvironmentVariable(DiskFullVariable), out var df) ? df : -1;
        var kept = 0;
        void KeepSource(Baocao.Reports.ReportRecord r, string bytes)
        {
            if (fullAfter >= 0 && ++kept > fullAfter) throw new IOException("No space left on device", 28);
            try { sources.Keep(r.Source.Path, r.Source.Sha256, bytes); }
            catch (IOException e) when (DiskFull.Is(e)) { throw; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"warning: {LogText.Escape(r.Source.Path)}: indexed, but no copy kept for its page images ({LogText.Escape(e.Message.Split('\n')[0])})");
            }
        }
        // Each file is read once into a snapshot there, hashed in the same read, and extracted and kept from it.
        // Snapshots a killed run left behind are of no use to the next.
        try { if (Directory.Exists(sources.IncomingFolder)) Directory.Delete(sources.IncomingFolder, true); }
        catch (IOException) { }
        var ingest = (IIngestProgress progress) => new ArchiveIngest(index, () => new WorkerProcessExtractor(workerOptions),
            new IngestOptions(workers, version, retryFailed, sources.IncomingFolder), progress)
        {
            BeforeWrite = kill < 0 ? null : n => { if (n == kill) Process.GetCurrentProcess().Kill(); },
            AfterStore = KeepSource,
        };

        ArchiveIngest.Outcome outcome;
        try
        {
        if (interactive)
        {
            var live = new LiveProgress();
            outcome = AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    live.Task = ctx.AddTask("planning (hashing files)", maxValue: Math.Max(1, files.Count));
                    return ingest(live).Run(files);
                });
            // Failures were held back while the live display ran; each still gets its one line.
            foreach (var f in outcome.Files.Where(f => !f.Ok)) Console.Error.WriteLine(ErrorLine(f));
        }
        else outcome = ingest(new PlainProgress()).Run(files);
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            // Every report stored so far is whole (one transaction each); the next run extracts the rest.
            var indexed = index.Sources().Select(x => x.Path).ToHashSet(StringComparer.Ordinal);
            var left = files.Where(f => !indexed.Contains(f)).Sum(f => { try { return new FileInfo(f).Length; } catch (IOException) { return 0L; } });
            Console.Error.WriteLine($"error: {LogText.Escape(SourceStore.DataFolderOf(location))}: {DiskFull.Message(sources.Folder, left)}");
            return 1;
        }

        // A PDF indexed before (unchanged) whose source copy is missing (a disk that filled up, a data folder copied
        // without it) gets it back from the file, if the file still has the indexed bytes.
        foreach (var f in outcome.Files.Where(f => f.Action == IngestAction.Unchanged && f.Sha256 is not null && sources.Find(f.Sha256) is null))
        {
            try { sources.Keep(f.Path, f.Sha256!); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"warning: {LogText.Escape(f.Path)}: its copy for the page images could not be restored ({LogText.Escape(e.Message.Split('\n')[0])})");
            }
        }
        var report = new IngestReport(outcome, index.Location, version, missing.Count);
        var reportPath = IngestReport.PathBeside(index.Location, IndexLocation.DataFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        File.WriteAllText(reportPath, report.ToJson());
        Console.WriteLine(report.Summary(reportPath));
        var s = index.Stats();
        Console.WriteLine($"{outcome.Totals.Extracted} file(s) indexed, {outcome.Files.Count(f => !f.Ok) + missing.Count} failed; {index.Location} holds {s.Documents} report(s), {s.Tables} table(s), {s.Rows} row(s), {s.Failed} failed file(s)");
        return outcome.Files.Any(f => !f.Ok) || missing.Count > 0 ? 1 : 0;
    }

    private static string ErrorLine(FileResult f) =>
        $"error: {LogText.Escape(f.Path)}: {LogText.Escape(f.Reason)}" + (f.Action == IngestAction.FailedBefore ? " (unchanged since an earlier run: not retried)" : "");

    /// <summary>Plain lines for logs (output not a terminal): one per file, and a progress line every 5 seconds.</summary>
    private sealed class PlainProgress : IIngestProgress
    {
        private readonly Stopwatch lastLine = Stopwatch.StartNew();

        public void Planned(int files, int toExtract) =>
            Console.WriteLine($"ingest: {files} file(s), {toExtract} to extract, {files - toExtract} unchanged or failed before (skipped)");

        public void Done(FileResult r, IngestTotals t)
        {
            if (!r.Ok) Console.Error.WriteLine(ErrorLine(r));
            else if (r.Action == IngestAction.Extract) Console.WriteLine($"indexed {LogText.Escape(r.Path)}  ({r.Pages} page(s))");
            if (r.Action == IngestAction.Extract && (lastLine.Elapsed.TotalSeconds >= 5 || t.Done == t.ToExtract))
            {
                lastLine.Restart();
                Console.WriteLine(Line(t));
            }
        }
    }

    private static string Line(IngestTotals t) =>
        $"progress: {t.Done}/{t.ToExtract} file(s), {t.PagesPerSecond:0.0} pages/s, ETA {(t.Eta is { } e ? $"{(int)e.TotalHours:00}:{e.Minutes:00}:{e.Seconds:00}" : "--:--:--")}, {t.Failed} failed";

    /// <summary>The terminal display: files done of total, pages/s, ETA and failures so far (Spectre.Console).</summary>
    private sealed class LiveProgress : IIngestProgress
    {
        public ProgressTask? Task;

        public void Planned(int files, int toExtract)
        {
            Task!.MaxValue = Math.Max(1, toExtract);
            Task.Description = $"{files - toExtract} unchanged, {toExtract} to extract";
        }

        public void Done(FileResult r, IngestTotals t)
        {
            if (r.Action != IngestAction.Extract) return;
            Task!.Value = t.Done;
            Task.Description = Markup.Escape(Line(t)) + (t.Failed > 0 ? " [red]●[/]" : "");
        }
    }
}
