using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
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

/// <summary>Hears about an ingest as it goes (the command line's progress display).</summary>
public interface IIngestProgress
{
    /// <summary>The walk is planned: how many files in all, how many to extract.</summary>
    void Planned(int files, int toExtract);

    /// <summary>One file is done (extracted and stored, failed, or skipped).</summary>
    void Done(FileResult result, IngestTotals totals);
}

/// <summary>Running totals of an ingest.</summary>
public sealed record IngestTotals(int Files, int ToExtract, int Extracted, int Failed, int Skipped, int FailedBefore, long Pages, TimeSpan Elapsed)
{
    public int Done => Extracted + Failed;
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Pages / Elapsed.TotalSeconds : 0;
    public double FilesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
    public TimeSpan? Eta => Done == 0 ? null : TimeSpan.FromSeconds(Elapsed.TotalSeconds / Done * (ToExtract - Done));
}

/// <summary>
/// Bulk, resumable, idempotent ingest of whole folders. The walk is planned first: each file is hashed (SHA-256 of its
/// content) and skipped when the index holds it with that hash from this extractor version, or when it failed with
/// that hash under this version (its failure stands). The rest is extracted by <see cref="IngestOptions.Workers"/>
/// extractors at once, each file on its own (<see cref="IFileExtractor"/>: in production a worker process, so a crash,
/// hang or runaway memory costs one file). Results are written by this thread alone, each report in its own
/// transaction together with the removal of its old failure, each failure in one statement: after a kill at any
/// moment the index holds whole reports only, and the next run extracts exactly what is not stored yet. The queue of
/// results is bounded, so memory stays bounded however large the archive: extractors wait when the writer lags.
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

    public Outcome Run(IReadOnlyList<string> files, CancellationToken cancel = default)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var stored = index.Sources().ToDictionary(s => s.Path, StringComparer.Ordinal);
        var failed = index.Failures().ToDictionary(f => f.Path, StringComparer.Ordinal);
        var notes = new Lazy<Dictionary<string, ReviewNote>>(() => index.ReviewNotes().ToDictionary(n => n.Path, StringComparer.Ordinal));

        // Plan: hash every file (in parallel: reading is most of it), decide, keep the walk's order.
        var hashes = new (string? Sha, string? Error)[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Workers), CancellationToken = cancel }, i => hashes[i] = Hash(files[i]));
        var results = new List<FileResult>();
        var queue = new List<(string Path, string Sha)>();
        var (skipped, failedBefore) = (0, 0);
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i];
            var key = IndexedReport.PathKey(path);
            if (hashes[i].Error is { } err)
            {
                results.Add(new FileResult(path, Format(path), IngestAction.Extract, false, err, 0, null));
                continue;
            }
            var sha = hashes[i].Sha!;
            var action = IngestDecision.Decide(sha, options.ExtractorVersion, stored.GetValueOrDefault(key), options.RetryFailed ? null : failed.GetValueOrDefault(key));
            switch (action)
            {
                case IngestAction.Unchanged:
                    skipped++;
                    results.Add(new FileResult(path, Format(path), action, true, null, 0, notes.Value.GetValueOrDefault(key), sha));
                    break;
                case IngestAction.FailedBefore:
                    failedBefore++;
                    results.Add(new FileResult(path, Format(path), action, false, failed[key].Reason, 0, null));
                    break;
                default:
                    queue.Add((path, sha));
                    break;
            }
        }
        var unreadable = results.Count(r => r.Action == IngestAction.Extract);
        progress?.Planned(files.Count, queue.Count + unreadable);
        var (extracted, failures, pages) = (0, 0, 0L);
        IngestTotals Totals() => new(files.Count, queue.Count + unreadable, extracted, failures, skipped, failedBefore, pages, clock.Elapsed);

        foreach (var r in results.Where(r => r.Action == IngestAction.Extract).ToList())
        {
            // A file that cannot even be read for hashing: recorded like any failure (no hash: an empty one).
            index.RecordFailure(new FailedSource(r.Path, "", options.ExtractorVersion, r.Reason!, Now()));
            failures++;
            progress?.Done(r, Totals());
        }

        // Extract: one dispatcher thread per worker slot pulls the next file; the results queue is bounded.
        var pending = new ConcurrentQueue<(string Path, string Sha)>(queue);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        Exception? diskFull = null;
        using var done = new BlockingCollection<(FileOutcome Outcome, string Sha, Snapshot? Snap)>(Math.Max(2, options.Workers * 2));
        var slots = Enumerable.Range(0, Math.Max(1, Math.Min(options.Workers, Math.Max(1, queue.Count)))).Select(_ => Task.Factory.StartNew(() =>
        {
            using var extractor = extractors();
            while (!stop.IsCancellationRequested && pending.TryDequeue(out var job))
            {
                if (options.SnapshotFolder is null)
                {
                    done.Add((extractor.Extract(job.Path), job.Sha, null), stop.Token);
                    continue;
                }
                Snapshot snap;
                try { snap = Snapshot.Take(job.Path, options.SnapshotFolder); }
                catch (IOException e) when (DiskFull.Is(e))
                {
                    // Not this file's fault: the whole run stops (below), and nothing is recorded against the file.
                    diskFull ??= e;
                    stop.Cancel();
                    break;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    var why = e is UnauthorizedAccessException ? "permission denied" : $"cannot read the file ({e.Message.Split('\n')[0].TrimEnd('.')})";
                    done.Add((new FileOutcome(job.Path, null, why), job.Sha, null), stop.Token);
                    continue;
                }
                // The snapshot's hash, not the plan's: if the file changed since it was planned, the record is of the
                // bytes read now, and says so by its hash (the next run compares the file with it again).
                try { done.Add((extractor.Extract(job.Path, snap.Path), snap.Sha256, snap), stop.Token); }
                catch { snap.Dispose(); throw; }
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        _ = Task.WhenAll(slots).ContinueWith(_ => done.CompleteAdding(), TaskScheduler.Default);

        try
        {
            var written = 0;
            foreach (var (o, sha, snap) in done.GetConsumingEnumerable(stop.Token))
            using (snap)
            {
                BeforeWrite?.Invoke(written++);
                FileResult r;
                if (o.Record is { } record)
                {
                    try
                    {
                        index.Store(record, options.ExtractorVersion);
                        AfterStore?.Invoke(record, snap?.Path ?? o.Path);
                        extracted++;
                        pages += record.Source.Pages;
                        r = new FileResult(o.Path, record.Source.Format, IngestAction.Extract, true, null, record.Source.Pages, ReviewNote.Of(record, IndexedReport.PathKey(o.Path)), record.Source.Sha256);
                    }
                    catch (IndexException e)
                    {
                        // One report the index refused (too many rows …): rolled back whole, the file marked failed.
                        r = Fail(o.Path, sha, $"not indexed: {e.Reason}");
                    }
                }
                else r = Fail(o.Path, sha, o.Reason ?? "could not be extracted");
                results.Add(r);
                progress?.Done(r, Totals());
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested || diskFull is not null) { }
        finally
        {
            // Normal end, cancel, or a failure of the writer: the slots stop after their current file.
            stop.Cancel();
            try { Task.WaitAll(slots); }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { }
        }

        if (diskFull is not null) throw new IOException(diskFull.Message, diskFull);
        var order = files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
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

    private static (string? Sha, string? Error) Hash(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            return (Convert.ToHexStringLower(SHA256.HashData(f)), null);
        }
        catch (IOException e) { return (null, $"cannot read the file ({e.Message.TrimEnd('.')})"); }
        catch (UnauthorizedAccessException) { return (null, "permission denied"); }
    }
}
