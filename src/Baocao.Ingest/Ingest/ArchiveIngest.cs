using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Baocao.Index;

namespace Baocao.Ingest;

/// <summary>Options of a bulk ingest.</summary>
/// <param name="Workers">Files extracted at once (one extractor each).</param>
/// <param name="ExtractorVersion">Stored with every record and failure; a change re-extracts everything.</param>
/// <param name="RetryFailed">Extract again the files that failed before even when neither they nor the extractor changed (after fixing the machine: a missing tool, too short a timeout).</param>
/// <param name="SnapshotFolder">Where each file is copied (and hashed in the same read) before extraction, so the record and the source copy hold the bytes that were hashed (see <see cref="Snapshot"/>); null reads the files in place (tests of the ingest logic).</param>
public sealed record IngestOptions(int Workers, string ExtractorVersion, bool RetryFailed = false, string? SnapshotFolder = null);

/// <summary>What happened to one file of the walk.</summary>
public sealed record FileResult(string Path, string Format, IngestAction Action, bool Ok, string? Reason, int Pages, ReviewNote? Note, string? Sha256 = null);

/// <summary>Hears about an ingest as it goes (the command line's progress display). Called on the ingest's writing thread only.</summary>
public interface IIngestProgress
{
    /// <summary>The plan grew or the walk ended: files found so far, how many of them to extract (<see cref="IngestTotals.WalkDone"/> says whether that is all).</summary>
    void Planned(IngestTotals totals);

    /// <summary>One file is done (extracted and stored, failed, or skipped).</summary>
    void Done(FileResult result, IngestTotals totals);

    /// <summary>About twice a second while files are read: the totals, and the files being read now (one per busy worker).</summary>
    void Tick(IngestTotals totals, IReadOnlyList<string> reading) { }
}

/// <summary>Running totals of an ingest.</summary>
/// <param name="Pages">Pages of the records stored (as extracted).</param>
public sealed record IngestTotals(int Files, int ToExtract, int Extracted, int Failed, int Skipped, int FailedBefore, long Pages, TimeSpan Elapsed)
{
    /// <summary>Whether the walk has ended (else <see cref="Files"/> and <see cref="ToExtract"/> are those found so far).</summary>
    public bool WalkDone { get; init; } = true;

    /// <summary>Pages planned to extract, as estimated before extraction (<see cref="WorkEstimate"/>), and of them those done.</summary>
    public long PagesPlanned { get; init; }
    public long PagesDone { get; init; }

    /// <summary>Page units (a scanned page weighs its OCR, <see cref="WorkEstimate.ScanWeight"/>) planned and done: what the ETA goes by.</summary>
    public double UnitsPlanned { get; init; }
    public double UnitsDone { get; init; }

    public int Done => Extracted + Failed;
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
    public TimeSpan? Eta => IngestEta.Remaining(UnitsDone, UnitsPlanned, Elapsed);
}

/// <summary>
/// Bulk, resumable, idempotent ingest of whole folders. The walk streams in (<see cref="FolderWalk.Walk"/>) and is planned
/// as it comes, on a thread of its own: each file is hashed (SHA-256 of its content) and skipped when the index holds it
/// with that hash from this extractor version, or when it failed with that hash under this version (its failure stands);
/// the rest is handed at once to <see cref="IngestOptions.Workers"/> extractors, so work starts with the first file found,
/// not after the whole tree is listed. Each file is extracted on its own (<see cref="IFileExtractor"/>: in production a
/// worker process, so a crash, hang or runaway memory costs one file). Results are written by the calling thread alone,
/// each report in its own transaction together with the removal of its old failure, each failure in one statement: after
/// a kill at any moment the index holds whole reports only, and the next run extracts exactly what is not stored yet.
/// The queue of results is bounded, so memory stays bounded however large the archive: extractors wait when the writer
/// lags.
/// </summary>
public sealed class ArchiveIngest(IReportIndex index, Func<IFileExtractor> extractors, IngestOptions options, IIngestProgress? progress = null)
{
    /// <summary>Called before each result is written, with the number written so far (the resume test kills the process here).</summary>
    public Action<int>? BeforeWrite { get; init; }

    /// <summary>
    /// Called on this thread after each report is stored (a place for work that follows indexing, such as keeping a copy of
    /// the source), with the path of the bytes the record was made from (the snapshot, or the file itself without one).
    /// </summary>
    public Action<Reports.ReportRecord, string>? AfterStore { get; init; }

    public sealed record Outcome(IReadOnlyList<FileResult> Files, IngestTotals Totals, DateTime Started, DateTime Finished);

    /// <summary>A file planned for extraction.</summary>
    private sealed record Job(string Path, string Sha, WorkEstimate Work);

    /// <summary>What reaches the writer: a result decided by the plan (skipped, unreadable), or an extraction's outcome.</summary>
    private sealed record Item(FileResult? Planned, FileOutcome? Outcome, Job? Job, string? Sha, Snapshot? Snap)
    {
        /// <summary>For a re-pointed file: the indexed path whose record (same content) it takes.</summary>
        public string? From { get; init; }
    }

    /// <summary>
    /// Stores the record indexed for <paramref name="from"/> (same content, same extractor) under <paramref name="path"/>,
    /// and removes the old path's entry when that file no longer exists (a move or rename); its review note, or null when
    /// the record is not there.
    /// </summary>
    private ReviewNote? Repoint(string path, string from)
    {
        if (index.Load(from) is not { } old) return null;
        var record = old with { Source = old.Source with { Path = IndexedReport.PathKey(path) } };
        index.Store(record, options.ExtractorVersion);
        AfterStore?.Invoke(record, path);
        if (!File.Exists(from)) index.Remove(from);
        return ReviewNote.Of(record, IndexedReport.PathKey(path));
    }

    public Outcome Run(IEnumerable<string> files, CancellationToken cancel = default)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var stored = index.Sources().ToDictionary(s => s.Path, StringComparer.Ordinal);
        var failed = index.Failures().ToDictionary(f => f.Path, StringComparer.Ordinal);
        // Extraction is keyed by content: a moved or renamed file (or a copy) takes the record its content already has.
        var byContent = stored.Values.Where(s => s.Extractor == options.ExtractorVersion).GroupBy(s => s.Sha256, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var notes = new Lazy<Dictionary<string, ReviewNote>>(() => index.ReviewNotes().ToDictionary(n => n.Path, StringComparer.Ordinal));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Exception? diskFull = null;
        // The plan's counters, written by the planning thread, read by this one.
        var walked = new List<string>();
        int found = 0, toExtract = 0, walkDone = 0;
        long pagesPlanned = 0, unitsPlanned100 = 0;
        Exception? walkError = null;
        var pending = new BlockingCollection<Job>();
        using var done = new BlockingCollection<Item>(Math.Max(2, options.Workers * 2));

        // Plan: the walk as it streams in; each file hashed, decided, and handed on at once.
        var planner = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var path in files)
                {
                    if (stop.IsCancellationRequested) break;
                    lock (walked) walked.Add(path);
                    var key = IndexedReport.PathKey(path);
                    var (sha, work, err) = Hash(path);
                    Interlocked.Increment(ref found);
                    if (err is not null)
                    {
                        Interlocked.Increment(ref toExtract);
                        done.Add(new Item(new FileResult(path, Format(path), IngestAction.Extract, false, err, 0, null), null, null, null, null), stop.Token);
                        continue;
                    }
                    var action = IngestDecision.Decide(sha!, options.ExtractorVersion, stored.GetValueOrDefault(key), options.RetryFailed ? null : failed.GetValueOrDefault(key),
                        byContent.GetValueOrDefault(sha!));
                    switch (action)
                    {
                        case IngestAction.Repoint:
                            done.Add(new Item(new FileResult(path, Format(path), action, true, null, 0, null, sha), null, null, null, null) { From = byContent[sha!].Path }, stop.Token);
                            break;
                        case IngestAction.Unchanged:
                            done.Add(new Item(new FileResult(path, Format(path), action, true, null, 0, null, sha), null, null, null, null), stop.Token);
                            break;
                        case IngestAction.FailedBefore:
                            done.Add(new Item(new FileResult(path, Format(path), action, false, failed[key].Reason, 0, null), null, null, null, null), stop.Token);
                            break;
                        default:
                            Interlocked.Add(ref pagesPlanned, work.Pages);
                            Interlocked.Add(ref unitsPlanned100, (long)Math.Round(work.Units * 100));
                            Interlocked.Increment(ref toExtract);
                            pending.Add(new Job(path, sha!, work), stop.Token);
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                // A failure of the walk itself (not of a file): the run stops and the error is thrown on the writer's thread.
                walkError = e;
                stop.Cancel();
            }
            finally
            {
                Volatile.Write(ref walkDone, 1);
                pending.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Extract: one dispatcher thread per worker slot pulls the next file; the results queue is bounded. A slot's
        // extractor (a worker process) is made when it gets its first file.
        var reading = new string?[Math.Max(1, options.Workers)];
        var slots = Enumerable.Range(0, reading.Length).Select(slot => Task.Factory.StartNew(() =>
        {
            IFileExtractor? extractor = null;
            try
            {
                foreach (var job in pending.GetConsumingEnumerable(stop.Token))
                {
                    extractor ??= extractors();
                    Volatile.Write(ref reading[slot], job.Path);
                    try { Extract(extractor, job); }
                    finally { Volatile.Write(ref reading[slot], null); }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            finally { extractor?.Dispose(); }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        _ = Task.WhenAll([planner, .. slots]).ContinueWith(_ => done.CompleteAdding(), TaskScheduler.Default);

        void Extract(IFileExtractor extractor, Job job)
        {
            if (options.SnapshotFolder is null)
            {
                done.Add(new Item(null, extractor.Extract(job.Path), job, job.Sha, null), stop.Token);
                return;
            }
            Snapshot snap;
            try { snap = Snapshot.Take(job.Path, options.SnapshotFolder); }
            catch (IOException e) when (DiskFull.Is(e))
            {
                // Not this file's fault: the whole run stops (below), and nothing is recorded against the file.
                diskFull ??= e;
                stop.Cancel();
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var why = e is UnauthorizedAccessException ? "permission denied" : $"cannot read the file ({e.Message.Split('\n')[0].TrimEnd('.')})";
                done.Add(new Item(null, new FileOutcome(job.Path, null, why), job, job.Sha, null), stop.Token);
                return;
            }
            // The snapshot's hash, not the plan's: if the file changed since it was planned, the record is of the
            // bytes read now, and says so by its hash (the next run compares the file with it again).
            try { done.Add(new Item(null, extractor.Extract(job.Path, snap.Path), job, snap.Sha256, snap), stop.Token); }
            catch { snap.Dispose(); throw; }
        }

        var results = new List<FileResult>();
        var (extracted, failures, skipped, failedBefore, pages, pagesDone, unitsDone) = (0, 0, 0, 0, 0L, 0L, 0.0);
        IngestTotals Totals() => new(Volatile.Read(ref found), Volatile.Read(ref toExtract), extracted, failures, skipped, failedBefore, pages, clock.Elapsed)
        {
            WalkDone = Volatile.Read(ref walkDone) == 1,
            PagesPlanned = Interlocked.Read(ref pagesPlanned),
            PagesDone = pagesDone,
            UnitsPlanned = Interlocked.Read(ref unitsPlanned100) / 100.0,
            UnitsDone = unitsDone,
        };
        var (lastFound, lastWalkDone) = (-1, false);
        void Plan()
        {
            var t = Totals();
            if (t.Files == lastFound && t.WalkDone == lastWalkDone) return;
            (lastFound, lastWalkDone) = (t.Files, t.WalkDone);
            progress?.Planned(t);
        }

        try
        {
            var written = 0;
            var tick = Stopwatch.StartNew();
            while (!done.IsCompleted)
            {
                // Wake now and then even when nothing lands (a long scan): the plan's growth and the files being read are shown.
                if (!done.TryTake(out var item, 250, stop.Token))
                {
                    Plan();
                    if (tick.ElapsedMilliseconds >= 500)
                    {
                        tick.Restart();
                        progress?.Tick(Totals(), Enumerable.Range(0, reading.Length).Select(i => Volatile.Read(ref reading[i])).OfType<string>().ToList());
                    }
                    continue;
                }
                Plan();
                if (item.Planned is { } planned)
                {
                    FileResult r = planned;
                    switch (planned.Action)
                    {
                        case IngestAction.Unchanged:
                            skipped++;
                            r = planned with { Note = notes.Value.GetValueOrDefault(IndexedReport.PathKey(planned.Path)) };
                            break;
                        case IngestAction.FailedBefore:
                            failedBefore++;
                            break;
                        case IngestAction.Repoint when Repoint(planned.Path, item.From!) is { } note:
                            skipped++;
                            r = planned with { Note = note };
                            break;
                        case IngestAction.Repoint:
                            // The record it would take is gone (removed meanwhile): extracted on the next run.
                            r = planned with { Ok = false, Reason = $"its content was indexed as {item.From}, which is no longer in the index; run ingest again" };
                            failures++;
                            break;
                        default:
                            // A file that cannot even be read for hashing: recorded like any failure (no hash: an empty one).
                            index.RecordFailure(new FailedSource(planned.Path, "", options.ExtractorVersion, planned.Reason!, Now()));
                            failures++;
                            break;
                    }
                    results.Add(r);
                    progress?.Done(r, Totals());
                    continue;
                }
                using var snap = item.Snap;
                var (o, sha, job) = (item.Outcome!, item.Sha!, item.Job!);
                using var spilled = o.Spilled;
                BeforeWrite?.Invoke(written++);
                FileResult result;
                // A record too large to hold comes in a file: stored from there row by row; its skeleton (no rows) stands for it here.
                if ((o.Record ?? spilled?.Skeleton) is { } record)
                {
                    try
                    {
                        if (spilled is not null) index.Store(spilled, options.ExtractorVersion);
                        else index.Store(record, options.ExtractorVersion);
                        AfterStore?.Invoke(record, snap?.Path ?? o.Path);
                        extracted++;
                        pages += record.Source.Pages;
                        var note = spilled?.Note(IndexedReport.PathKey(o.Path)) ?? ReviewNote.Of(record, IndexedReport.PathKey(o.Path));
                        result = new FileResult(o.Path, record.Source.Format, IngestAction.Extract, true, null, record.Source.Pages, note, record.Source.Sha256);
                    }
                    catch (IndexException e)
                    {
                        // One report the index refused (too many rows …): rolled back whole, the file marked failed.
                        result = Fail(o.Path, sha, $"not indexed: {e.Reason}");
                    }
                }
                else result = Fail(o.Path, sha, o.Reason ?? "could not be extracted");
                pagesDone += job.Work.Pages;
                unitsDone += Math.Round(job.Work.Units * 100) / 100.0; // as planned (rounded alike)
                results.Add(result);
                progress?.Done(result, Totals());
            }
            Plan();
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested || diskFull is not null || walkError is not null) { }
        finally
        {
            // Normal end, cancel, or a failure of the writer: the planner and the slots stop after their current file.
            stop.Cancel();
            try { Task.WaitAll([planner, .. slots]); }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { }
            // Results the writer never took (a cancelled run): their snapshots are removed.
            while (done.TryTake(out var left))
            {
                left.Snap?.Dispose();
                left.Outcome?.Spilled?.Dispose();
            }
            pending.Dispose();
        }

        if (diskFull is not null) throw new IOException(diskFull.Message, diskFull);
        if (walkError is not null) throw walkError;
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        lock (walked) for (var i = 0; i < walked.Count; i++) order.TryAdd(walked[i], i);
        return new Outcome(results.OrderBy(r => order.GetValueOrDefault(r.Path)).ToList(), Totals(), started, DateTime.UtcNow);

        FileResult Fail(string path, string sha, string reason)
        {
            index.RecordFailure(new FailedSource(path, sha, options.ExtractorVersion, reason, Now()));
            failures++;
            return new FileResult(path, Format(path), IngestAction.Extract, false, reason, 0, null);
        }
    }

    private static string Now() => DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture);

    private static string Format(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant() is { Length: > 0 } e ? e : "(none)";

    private static (string? Sha, WorkEstimate Work, string? Error) Hash(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            var (sha, work) = PlanRead.Read(f, isPdf: Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase));
            return (sha, work, null);
        }
        catch (IOException e) { return (null, WorkEstimate.Unknown, $"cannot read the file ({e.Message.TrimEnd('.')})"); }
        catch (UnauthorizedAccessException) { return (null, WorkEstimate.Unknown, "permission denied"); }
    }
}
