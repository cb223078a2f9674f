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

    /// <summary>Answers longer than this many bytes are stored from a temp file (tests set it low to take that path on small samples).</summary>
    public const string SpillVariable = "BAOCAO_SPILL_ABOVE_BYTES";

    /// <summary>Test hook: the disk "fills up" (ENOSPC) when the source copy after the Nth stored report is made.</summary>
    public const string DiskFullVariable = "BAOCAO_TEST_DISK_FULL_AFTER";

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "report files (.docx, .pdf, .doc) or folders to walk", Arity = ArgumentArity.OneOrMore };
        var opts = new IndexOptions();
        var workers = new Option<int>("--workers") { Description = "files extracted at once, each in its own worker process (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<int>("--timeout") { Description = "seconds of work (processor time of the worker and its tools) one file may take, or idle time, before its worker is stopped and the file marked failed", DefaultValueFactory = _ => 300 };
        var memory = new Option<int>("--memory-limit") { Description = "MiB a worker may use before it is stopped and its file marked failed", DefaultValueFactory = _ => 2048 };
        var retry = new Option<bool>("--retry-failed") { Description = "extract again the files that failed before, though unchanged (after installing a missing tool, or with a longer --timeout)" };
        var follow = new Option<bool>("--follow-links") { Description = "follow links that lead out of the folders given (links inside them are always followed, each real folder once)" };
        var progress = new Option<bool>("--progress") { Description = "progress lines on stderr (every 5 s: files and pages done, ETA, the files being read) when stderr is not a terminal; on a terminal the live display is there anyway" };
        var cmd = new Command("ingest", "Extract reports and store them in the index (the default index is in the data folder); resumable, skips unchanged files")
            { paths, opts.Index, workers, timeout, memory, retry, follow, progress };
        var prune = new Option<bool>("--prune") { Description = "after the run, remove the entries of indexed files that no longer exist (as ./baocao prune)" };
        cmd.Options.Add(prune);
        cmd.SetAction(p => IndexOptions.Guard(() =>
        {
            try
            {
                var code = Run(p.GetValue(paths)!, IndexOptions.IndexPath(p, opts.Index),
                    Math.Max(1, p.GetValue(workers)), TimeSpan.FromSeconds(Math.Max(1, p.GetValue(timeout))), Math.Max(256, p.GetValue(memory)), p.GetValue(retry), p.GetValue(follow), p.GetValue(progress));
                return p.GetValue(prune) ? Math.Max(code, PruneCommand.Run(IndexOptions.IndexPath(p, opts.Index))) : code;
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

    private static int Run(string[] paths, string location, int workers, TimeSpan timeout, int memoryMiB, bool retryFailed, bool followLinks, bool progressLines)
    {
        // The extractor here only names the version and the extensions (and fails early, in one line, without the model);
        // the workers extract.
        var extractor = Extractor.CreateDefault(ocrWorkers: 0);
        var version = Extractor.DefaultVersion();
        // The live display, on stderr, when stderr is a terminal (or asked for): the output (stdout) stays the plain
        // one-line-per-file log when it is redirected, and clean of the display's redraws.
        // Spectre.Console judges a terminal by stdout whatever it writes to, so stderr's is judged here: not redirected,
        // and a terminal that takes escape codes.
        var live = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";
        var errorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = live ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = live ? AnsiSupport.Yes : AnsiSupport.Detect,
        });
        // The walk streams into the ingest: its warnings come as it meets them (held back while the live display runs).
        var heldBack = new List<string>();
        var missing = new List<string>();
        void Say(string line)
        {
            if (live) lock (heldBack) heldBack.Add(line);
            else Console.Error.WriteLine(line);
        }
        IEnumerable<string> Files()
        {
            foreach (var item in FolderWalk.Walk(paths, extractor.Extensions, followLinks))
            {
                switch (item.Kind)
                {
                    case WalkKind.File: yield return item.Path; break;
                    case WalkKind.Missing:
                        lock (missing) missing.Add(item.Path);
                        Say($"error: {LogText.Escape(item.Path)}: no such file or folder");
                        break;
                    default: Say($"warning: {LogText.Escape(item.Path)}: {item.Reason}"); break;
                }
            }
        }
        using var index = IndexLocation.OpenWrite(location);
        // An answer over 8 MiB (a table of some thousands of rows; a usual report's record is under 1 MiB) is stored from a
        // temp file row by row, so this process's memory does not grow with the largest table (bench memory).
        var spill = long.TryParse(Environment.GetEnvironmentVariable(SpillVariable), out var sp) ? sp : 8L << 20;
        var workerOptions = new WorkerOptions(WorkerCommand.SelfCommand(), timeout, memoryMiB, spill);
        var kill = int.TryParse(Environment.GetEnvironmentVariable(KillVariable), out var k) ? k : -1;
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
            var plain = new PlainProgress(perFile: !live || Console.IsOutputRedirected, errors: !live, lines: live ? null : progressLines ? Console.Error : Console.Out);
            if (live)
            {
                var display = new LiveProgress(plain);
                outcome = errorConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        display.Task = ctx.AddTask("walking the folders", maxValue: 1);
                        return ingest(display).Run(Files());
                    });
                // Warnings and failures were held back while the live display ran; each still gets its one line.
                foreach (var line in heldBack) Console.Error.WriteLine(line);
                foreach (var f in outcome.Files.Where(f => !f.Ok)) Console.Error.WriteLine(ErrorLine(f));
            }
            else outcome = ingest(plain).Run(Files());
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            foreach (var line in heldBack) Console.Error.WriteLine(line);
            // Every report stored so far is whole (one transaction each); the next run extracts the rest. The space needed
            // is that of every file not indexed yet, the walk's rest included.
            var indexed = index.Sources().Select(x => x.Path).ToHashSet(StringComparer.Ordinal);
            var all = FolderWalk.Expand(paths, extractor.Extensions, followLinks).Files;
            var left = all.Where(f => !indexed.Contains(f)).Sum(f => { try { return new FileInfo(f).Length; } catch (IOException) { return 0L; } });
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

    /// <summary>
    /// Plain lines for logs: one per file on stdout (unless the live display has the terminal), and a progress line every
    /// 5 s (on stdout, or on stderr with --progress; none beside the live display, which shows it).
    /// </summary>
    private sealed class PlainProgress(bool perFile, bool errors, TextWriter? lines) : IIngestProgress
    {
        private readonly Stopwatch lastLine = Stopwatch.StartNew();
        private bool announced;

        public void Planned(IngestTotals t)
        {
            // The count of files is known when the walk ends; work started long before.
            if (!t.WalkDone || announced || !perFile) return;
            announced = true;
            Console.WriteLine($"ingest: {t.Files} file(s), {t.ToExtract} to extract, {t.Files - t.ToExtract} unchanged or failed before (skipped)");
        }

        public void Done(FileResult r, IngestTotals t)
        {
            if (!r.Ok) { if (errors) Console.Error.WriteLine(ErrorLine(r)); }
            else if (r.Action == IngestAction.Extract && perFile) Console.WriteLine($"indexed {LogText.Escape(r.Path)}  ({r.Pages} page(s))");
            else if (r.Action == IngestAction.Repoint && perFile) Console.WriteLine($"re-pointed {LogText.Escape(r.Path)}  (its content is indexed already: not extracted again)");
            if (r.Action == IngestAction.Extract && (lastLine.Elapsed.TotalSeconds >= 5 || (t.WalkDone && t.Done == t.ToExtract)))
            {
                lastLine.Restart();
                lines?.WriteLine(Line(t));
            }
        }

        public void Tick(IngestTotals t, IReadOnlyList<string> reading)
        {
            if (lastLine.Elapsed.TotalSeconds < 5 || lines is null) return;
            lastLine.Restart();
            lines.WriteLine(Line(t) + Reading(reading));
        }
    }

    private static string Reading(IReadOnlyList<string> reading) =>
        reading.Count == 0 ? "" : "; reading " + string.Join(", ", reading.Select(r => LogText.Escape(Path.GetFileName(r))));

    /// <summary>The progress line: files and pages done of those planned (pages as estimated before extraction; a scan weighs its OCR in the ETA), pages/s as extracted, ETA, failures.</summary>
    internal static string Line(IngestTotals t) =>
        $"progress: {t.Done}/{t.ToExtract}{(t.WalkDone ? "" : "+")} file(s), {t.PagesDone}/{t.PagesPlanned}{(t.WalkDone ? "" : "+")} page(s), {t.PagesPerSecond:0.0} pages/s, ETA {(t.Eta is { } e ? $"{(t.WalkDone ? "" : "≥")}{(int)e.TotalHours:00}:{e.Minutes:00}:{e.Seconds:00}" : "--:--:--")}, {t.Failed} failed";

    /// <summary>The terminal display on stderr: files and pages done of those planned, pages/s, ETA, failures so far, and the files being read (Spectre.Console).</summary>
    private sealed class LiveProgress(PlainProgress log) : IIngestProgress
    {
        public ProgressTask? Task;
        private IngestTotals? last;

        public void Planned(IngestTotals t)
        {
            log.Planned(t);
            Show(t, null);
        }

        public void Done(FileResult r, IngestTotals t)
        {
            log.Done(r, t);
            if (r.Action == IngestAction.Extract) Show(t, null);
        }

        public void Tick(IngestTotals t, IReadOnlyList<string> reading) => Show(t, reading);

        private void Show(IngestTotals t, IReadOnlyList<string>? reading)
        {
            last = t;
            // The bar goes by page units (a scanned page weighs its OCR), as the ETA does.
            Task!.MaxValue = Math.Max(1, t.UnitsPlanned);
            Task.Value = t.UnitsDone;
            var what = t.ToExtract == 0 && !t.WalkDone ? $"walking the folders: {t.Files} file(s) found" : Line(t);
            Task.Description = Markup.Escape(what + (reading is null ? "" : Reading(reading))) + (t.Failed > 0 ? " [red]●[/]" : "");
        }
    }
}
