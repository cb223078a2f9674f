using System.Globalization;
using Baocao.Index;
using Baocao.Ingest;
using Baocao.Output;
using Baocao.Pipeline;
using Baocao.Tests.Corpus;
using Baocao.Tests.Index;

namespace Baocao.Tests.Ingest;

public class IngestDecisionTests
{
    private static StoredSource Stored(string sha, string? v) => new("/a.pdf", sha, v, "2024-01-01");
    private static FailedSource Failed(string sha, string? v) => new("/a.pdf", sha, v, "damaged", "2024-01-01");

    [Fact]
    public void Same_hash_and_version_is_skipped()
    {
        Assert.Equal(IngestAction.Unchanged, IngestDecision.Decide("h1", "v1", Stored("h1", "v1"), null));
        Assert.Equal(IngestAction.FailedBefore, IngestDecision.Decide("h1", "v1", null, Failed("h1", "v1")));
    }

    [Fact]
    public void New_changed_or_other_version_is_extracted()
    {
        Assert.Equal(IngestAction.Extract, IngestDecision.Decide("h1", "v1", null, null));
        Assert.Equal(IngestAction.Extract, IngestDecision.Decide("h2", "v1", Stored("h1", "v1"), null));
        Assert.Equal(IngestAction.Extract, IngestDecision.Decide("h1", "v2", Stored("h1", "v1"), null));
        Assert.Equal(IngestAction.Extract, IngestDecision.Decide("h1", "v2", null, Failed("h1", "v1"))); // a new extractor retries failures
        Assert.Equal(IngestAction.Extract, IngestDecision.Decide("h2", "v1", null, Failed("h1", "v1"))); // so does a changed file
        Assert.Equal(IngestAction.Extract, IngestDecision.Decide("h1", "v1", Stored("h1", null), null)); // stored by an ingest that kept no version
    }
}

public class WorkerProtocolTests
{
    [Fact]
    public void A_record_survives_the_worker_line_whole()
    {
        var file = Path.Combine(CorpusTests.CorpusDir, "06-stp-bentre-q4-2019.docx");
        var record = Extractor.CreateDefault(ocrWorkers: 0).Extract(file);
        var line = WorkerProtocol.Success(record);
        Assert.DoesNotContain('\n', line);
        var (back, reason) = WorkerProtocol.ParseAnswer(line);
        Assert.Null(reason);
        Assert.Equal(RecordJson.Serialize(record), RecordJson.Serialize(back!));
    }

    [Fact]
    public void Failures_and_requests_round_trip_and_nonsense_is_refused()
    {
        Assert.Equal(("bad\nname \"x\".pdf", (string?)null), WorkerProtocol.ParseRequest(WorkerProtocol.Request("bad\nname \"x\".pdf")));
        Assert.Equal(("a&b.pdf", "/data/sources/.incoming/1.pdf"), WorkerProtocol.ParseRequest(WorkerProtocol.Request("a&b.pdf", "/data/sources/.incoming/1.pdf")));
        Assert.Equal((null, "encrypted PDF: a password is required to open it"), WorkerProtocol.ParseAnswer(WorkerProtocol.Failure("encrypted PDF: a password is required to open it")));
        Assert.Throws<FormatException>(() => WorkerProtocol.ParseAnswer("Segmentation fault"));
        Assert.Throws<FormatException>(() => WorkerProtocol.ParseAnswer("{\"ok\":true}"));
    }
}

/// <summary>
/// The resumable ingest on a few corpus files, in-process (the worker processes are tested through the command line):
/// skips, the failure ledger, re-extraction on a new version, and resuming after an interruption at any write.
/// </summary>
public class ArchiveIngestTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-ingest-test").FullName;
    private static readonly Lazy<Extractor> Shared = new(() => Extractor.CreateDefault(ocrWorkers: 0));

    public void Dispose() => Directory.Delete(dir, true);

    /// <summary>Counts extractions, so a test can tell what was skipped.</summary>
    private sealed class Counting : IFileExtractor
    {
        public static int Calls;
        private readonly InProcessExtractor inner = new(Shared.Value);

        public FileOutcome Extract(string path, string? readFrom = null)
        {
            Interlocked.Increment(ref Calls);
            return inner.Extract(path, readFrom);
        }

        public void Dispose() { }
    }

    /// <summary>Replaces the file with another document the moment extraction starts, as a copy or sync tool might.</summary>
    private sealed class Swapping(string other) : IFileExtractor
    {
        private readonly InProcessExtractor inner = new(Shared.Value);

        public FileOutcome Extract(string path, string? readFrom = null)
        {
            File.Copy(other, path, overwrite: true);
            return inner.Extract(path, readFrom);
        }

        public void Dispose() { }
    }

    [Fact]
    public void A_file_that_changes_during_extraction_gives_the_record_and_source_copy_of_the_bytes_hashed()
    {
        var file = Path.Combine(dir, "report.pdf");
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "07-ubnd-phucat-t5-2022.pdf"), file);
        var originalSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        var expected = Shared.Value.Extract(file).Header.Number;
        var other = Path.Combine(CorpusTests.CorpusDir, "14-skhdt-vinhlong-q1-2022.pdf");
        Assert.NotEqual(expected, Shared.Value.Extract(other).Header.Number);
        var incoming = Path.Combine(dir, "incoming");
        var kept = new List<(string Sha, string BytesSha)>();
        using var t = new TempIndex();
        using (var index = t.Write())
        {
            var o = new ArchiveIngest(index, () => new Swapping(other), new IngestOptions(1, "v1", SnapshotFolder: incoming))
            {
                AfterStore = (r, bytes) => kept.Add((r.Source.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(bytes))))),
            }.Run([file]);
            Assert.True(o.Files.Single().Ok);
        }
        using var read = t.Read();
        var stored = read.Sources().Single();
        Assert.Equal(originalSha, stored.Sha256);
        Assert.Equal(expected, read.Search(new SearchQuery()).Documents.Single().Number);
        Assert.Equal([(originalSha, originalSha)], kept);
        Assert.Empty(Directory.GetFiles(incoming)); // each snapshot removed after its record was stored
    }

    /// <summary>Tells when its first extraction starts.</summary>
    private sealed class Signalling(ManualResetEventSlim started) : IFileExtractor
    {
        private readonly InProcessExtractor inner = new(Shared.Value);

        public FileOutcome Extract(string path, string? readFrom = null)
        {
            started.Set();
            return inner.Extract(path, readFrom);
        }

        public void Dispose() { }
    }

    private sealed class Recording : IIngestProgress
    {
        public readonly List<string> Events = [];
        public void Planned(IngestTotals t) { lock (Events) Events.Add($"planned {t.Files}/{t.ToExtract} {(t.WalkDone ? "all" : "so far")}"); }
        public void Done(FileResult r, IngestTotals t) { lock (Events) Events.Add($"done {Path.GetFileName(r.Path)}"); }
    }

    [Fact]
    public void The_walk_streams_the_first_file_is_extracted_and_stored_before_the_walk_goes_on()
    {
        foreach (var n in new[] { "07-ubnd-phucat-t5-2022.pdf", "06-stp-bentre-q4-2019.docx" })
            File.Copy(Path.Combine(CorpusTests.CorpusDir, n), Path.Combine(dir, n), true);
        var started = new ManualResetEventSlim();
        var progress = new Recording();
        var walkWaited = new List<bool>();
        // The walk hands on the first file, then goes on only once that file is being extracted and its result stored: an
        // ingest that listed the whole walk first would never get there (the wait would time out).
        IEnumerable<string> Walk()
        {
            yield return Path.Combine(dir, "07-ubnd-phucat-t5-2022.pdf");
            walkWaited.Add(started.Wait(TimeSpan.FromSeconds(60)));
            var stored = SpinWait.SpinUntil(() => { lock (progress.Events) return progress.Events.Contains("done 07-ubnd-phucat-t5-2022.pdf"); }, TimeSpan.FromSeconds(60));
            walkWaited.Add(stored);
            yield return Path.Combine(dir, "06-stp-bentre-q4-2019.docx");
        }
        using var t = new TempIndex();
        using var index = t.Write();
        var o = new ArchiveIngest(index, () => new Signalling(started), new IngestOptions(2, "v1"), progress).Run(Walk());
        Assert.Equal([true, true], walkWaited);
        Assert.Equal(2, o.Totals.Extracted);
        Assert.True(o.Totals.WalkDone);
        Assert.Equal(["07-ubnd-phucat-t5-2022.pdf", "06-stp-bentre-q4-2019.docx"], o.Files.Select(f => Path.GetFileName(f.Path)));
        // The first file was planned (one found so far, the walk not over) and stored before the second was found.
        var events = progress.Events;
        Assert.True(events.IndexOf("planned 1/1 so far") < events.IndexOf("done 07-ubnd-phucat-t5-2022.pdf"));
        Assert.Equal("planned 2/2 all", events.Last(e => e.StartsWith("planned", StringComparison.Ordinal)));
        // Pages as estimated before extraction: the PDF's own page count (a byte scan), the DOCX one.
        Assert.Equal(o.Files[0].Pages + 1, o.Totals.PagesPlanned);
        Assert.Equal(o.Totals.PagesPlanned, o.Totals.PagesDone);
    }

    private List<string> Archive()
    {
        foreach (var n in new[] { "06-stp-bentre-q4-2019.docx", "07-ubnd-phucat-t5-2022.pdf", "12-ptp-chauthanh-t11-2021.docx", "14-skhdt-vinhlong-q1-2022.pdf" })
            File.Copy(Path.Combine(CorpusTests.CorpusDir, n), Path.Combine(dir, n), true);
        File.WriteAllText(Path.Combine(dir, "broken.docx"), "not a zip");
        File.WriteAllBytes(Path.Combine(dir, "empty.pdf"), []);
        return FolderWalk.Expand([dir], Shared.Value.Extensions).Files;
    }

    private static ArchiveIngest.Outcome Run(IReportIndex index, IReadOnlyList<string> files, string version = "v1", Action<int>? beforeWrite = null, bool retry = false) =>
        new ArchiveIngest(index, () => new Counting(), new IngestOptions(2, version, retry)) { BeforeWrite = beforeWrite }.Run(files);

    private static string Dump(SqliteReportIndex index)
    {
        using var w = new StringWriter();
        index.DumpContent(w);
        return w.ToString();
    }

    [Fact]
    public void A_moved_or_renamed_file_is_re_pointed_not_extracted_again_and_a_copy_is_one_more_file_of_its_report()
    {
        var files = Archive();
        using var t = new TempIndex();
        using var index = t.Write();
        Run(index, files);
        var sub = Directory.CreateDirectory(Path.Combine(dir, "moved")).FullName;
        var from = Path.Combine(dir, "06-stp-bentre-q4-2019.docx");
        var to = Path.Combine(sub, "bentre-renamed.docx");
        File.Move(from, to);
        File.Copy(Path.Combine(dir, "12-ptp-chauthanh-t11-2021.docx"), Path.Combine(sub, "12-copy.docx"));
        Counting.Calls = 0;
        var o = Run(index, FolderWalk.Expand([dir], Shared.Value.Extensions).Files);
        Assert.Equal(0, Counting.Calls);
        Assert.Equal(["12-copy.docx", "bentre-renamed.docx"], o.Files.Where(f => f.Action == IngestAction.Repoint && f.Ok).Select(f => Path.GetFileName(f.Path)).Order());
        var paths = index.Sources().Select(s => s.Path).ToList();
        // Moved: the old entry is gone, the record now names the new path. Copied: both paths stay, as one report.
        Assert.DoesNotContain(IndexedReport.PathKey(from), paths);
        Assert.Equal(IndexedReport.PathKey(to), index.Load(to)!.Source.Path);
        Assert.Equal(5, paths.Count);
        Assert.Equal(4, index.Search(new SearchQuery()).TotalDocuments);
        Assert.Equal(2, index.Search(new SearchQuery(Period: PeriodFilter.Parse("2021-11"))).Documents.Single().Copies.Count + 1);
    }

    [Fact]
    public void Unchanged_files_and_standing_failures_are_skipped_and_a_new_version_extracts_again()
    {
        var files = Archive();
        using var t = new TempIndex();
        using var index = t.Write();
        Counting.Calls = 0;
        var first = Run(index, files);
        Assert.Equal(6, Counting.Calls);
        Assert.Equal(4, first.Totals.Extracted);
        Assert.Equal(["broken.docx", "empty.pdf"], first.Files.Where(f => !f.Ok).Select(f => Path.GetFileName(f.Path)).Order());
        Assert.All(first.Files.Where(f => !f.Ok), f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal((4, 2), (index.Stats().Documents, index.Stats().Failed));
        Assert.Equal("not a DOCX file (not a valid zip archive)", index.Failures().Single(f => f.Path.EndsWith("broken.docx", StringComparison.Ordinal)).Reason);

        Counting.Calls = 0;
        var second = Run(index, files);
        Assert.Equal(0, Counting.Calls);
        Assert.Equal((4, 2, 0), (second.Totals.Skipped, second.Totals.FailedBefore, second.Totals.Done));
        Assert.Equal(2, second.Files.Count(f => !f.Ok)); // still reported as failed

        Counting.Calls = 0;
        var retried = Run(index, files, retry: true);
        Assert.Equal((2, 4, 2), (Counting.Calls, retried.Totals.Skipped, retried.Totals.Failed));

        // A changed file and a repaired one are extracted again; the repaired one's failure is gone.
        File.Copy(Path.Combine(CorpusTests.CorpusDir, "07-ubnd-phucat-t5-2022.docx"), Path.Combine(dir, "broken.docx"), true);
        using (var f = new FileStream(Path.Combine(dir, "07-ubnd-phucat-t5-2022.pdf"), FileMode.Append)) f.Write("\n%changed\n"u8);
        Counting.Calls = 0;
        var third = Run(index, files);
        Assert.Equal(2, Counting.Calls);
        Assert.Equal((5, 1), (index.Stats().Documents, index.Stats().Failed));
        Assert.Equal("empty.pdf", Path.GetFileName(Assert.Single(index.Failures()).Path));

        Counting.Calls = 0;
        Run(index, files, version: "v2");
        Assert.Equal(6, Counting.Calls);
        Assert.All(index.Sources(), s => Assert.Equal("v2", s.Extractor));
        Assert.Equal("v2", Assert.Single(index.Failures()).Extractor);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 1, 1, 2, 0, 1 })]
    public void Interrupted_runs_resume_to_the_clean_runs_index(int[] interruptions)
    {
        var files = Archive();
        using var clean = new TempIndex();
        using (var index = clean.Write()) Run(index, files);

        using var resumed = new TempIndex();
        foreach (var at in interruptions)
        {
            // The run dies before its at-th write (after at writes): what was written stays, the rest is redone next time.
            using var index = resumed.Write();
            Assert.Throws<InvalidOperationException>(() => Run(index, files, beforeWrite: n => { if (n == at) throw new InvalidOperationException("killed"); }));
        }
        using (var index = resumed.Write()) Run(index, files);

        using var a = clean.Read();
        using var b = resumed.Read();
        Assert.Equal(4, b.Stats().Documents);
        Assert.Equal(Dump(a), Dump(b));
    }

    [Fact]
    public void The_run_report_names_each_failed_file_with_its_reason_and_counts_by_format()
    {
        var files = Archive();
        using var t = new TempIndex();
        using var index = t.Write();
        var outcome = Run(index, files);
        var report = new IngestReport(outcome, index.Location, "v1");
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("files").GetInt32());
        Assert.Equal(4, root.GetProperty("outcomes").GetProperty("indexed").GetInt32());
        Assert.Equal(2, root.GetProperty("outcomes").GetProperty("failed").GetInt32());
        Assert.Equal(2, root.GetProperty("byFormat").GetProperty("docx").GetProperty("indexed").GetInt32());
        Assert.Equal(1, root.GetProperty("byFormat").GetProperty("pdf").GetProperty("failed").GetInt32());
        var failed = root.GetProperty("failed").EnumerateArray().ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!), f => f.GetProperty("reason").GetString());
        Assert.Equal("not a DOCX file (not a valid zip archive)", failed["broken.docx"]);
        Assert.Contains("empty", failed["empty.pdf"]);
        // Sample 14 carries a planted error: the checks flag it.
        Assert.True(root.GetProperty("checks").GetProperty("errors").GetInt32() > 0);
        var summary = report.Summary("r.json");
        Assert.Contains($"{Path.Combine(dir, "broken.docx")}: not a DOCX file (not a valid zip archive)", summary);
    }
}

/// <summary>An index made before the ingest ledger (schema 1) is read as it is and upgraded when opened for writing.</summary>
public class LedgerUpgradeTests
{
    [Fact]
    public void A_schema_1_index_is_read_as_is_and_upgraded_for_writing()
    {
        using var t = new TempIndex();
        using (var index = t.Write()) index.Store(Records.Make("/r/a.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2, ("Hộ tịch", [("received.total", 5m)])), "v1");
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.Path};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "DROP TABLE failed; DROP TABLE doc_notes; UPDATE meta SET value='1' WHERE key='schema';";
            cmd.ExecuteNonQuery();
        }
        using (var old = t.Read())
        {
            Assert.Equal((1, 0), (old.Stats().Documents, old.Stats().Failed));
            Assert.Empty(old.Failures());
        }
        using (var index = t.Write())
        {
            index.RecordFailure(new FailedSource("/r/b.pdf", "abc", "v1", "damaged or truncated PDF", "2024-01-01T00:00:00Z"));
            Assert.Equal(1, index.Stats().Failed);
            Assert.True(index.ClearFailure("/r/b.pdf"));
            Assert.False(index.ClearFailure("/r/b.pdf"));
        }
        using var conn2 = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.Path};Mode=ReadOnly;Pooling=False");
        conn2.Open();
        using var q = conn2.CreateCommand();
        q.CommandText = "SELECT value FROM meta WHERE key='schema'";
        Assert.Equal(SqliteSchema.Version.ToString(CultureInfo.InvariantCulture), q.ExecuteScalar());
    }
}
