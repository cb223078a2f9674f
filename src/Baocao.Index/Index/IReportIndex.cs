using Baocao.Reports;

namespace Baocao.Index;

/// <summary>
/// A searchable store of report records. Two engines: <see cref="SqliteReportIndex"/> (the embedded default, one file)
/// and <see cref="Elastic.ElasticReportIndex"/> (an Elasticsearch cluster, through its REST API). Both answer the same
/// <see cref="SearchQuery"/> with the same meaning.
/// </summary>
public interface IReportIndex : IDisposable
{
    /// <summary>Where the index is: a file path or a URL.</summary>
    string Location { get; }

    /// <summary>
    /// Stores a report, replacing any report indexed from the same source path. Each report is written whole or not
    /// at all: a failure part-way leaves the index as it was before the call.
    /// </summary>
    /// <param name="extractor">The extractor version that produced the record (kept so a later ingest can re-extract when it changes).</param>
    void Store(ReportRecord record, string? extractor = null);

    /// <summary>
    /// Stores a record held in a file, as <see cref="Store(ReportRecord, string?)"/> stores it. An engine that can take rows
    /// one at a time does, so the process never holds the whole record (<see cref="SqliteReportIndex"/>); this default loads it.
    /// </summary>
    void Store(SpilledRecord record, string? extractor = null) => Store(record.Load(), extractor);

    /// <summary>Stores many reports; each is still whole or absent on its own (engines batch them for speed).</summary>
    void StoreAll(IEnumerable<ReportRecord> records, string? extractor = null);

    /// <summary>Removes the report indexed from a source path; false when there was none.</summary>
    bool Remove(string path);

    SearchResult Search(SearchQuery query);

    /// <summary>Every table row the query selects (every row of every matching report when it selects no rows), with its report's metadata.</summary>
    IEnumerable<ExportRow> Export(SearchQuery query);

    IndexStats Stats();

    /// <summary>The keys of row values the index holds besides the canonical vocabulary (added by newer mappers).</summary>
    IReadOnlyCollection<string> ValueKeys();

    /// <summary>The stored identity of a source path (hash, extractor version), null when it is not indexed.</summary>
    StoredSource? Find(string path);

    /// <summary>Every stored source, in path order (for cross-checks over the whole index and for resumable ingest).</summary>
    IEnumerable<StoredSource> Sources();

    /// <summary>
    /// Records that a source file could not be extracted (replacing an earlier failure of the same path). The report
    /// stored from an earlier version of the file, if any, is kept. Engines without a failure ledger (Elasticsearch)
    /// keep nothing: their failed files are tried again on every run.
    /// </summary>
    void RecordFailure(FailedSource failure) { }

    /// <summary>Forgets a path's failure (it was extracted since, or removed); false when there was none.</summary>
    bool ClearFailure(string path) => false;

    /// <summary>Every recorded failure, in path order.</summary>
    IEnumerable<FailedSource> Failures() => [];

    /// <summary>Each stored report's review note (low-confidence values, tables to review, check findings), in path order.</summary>
    IEnumerable<ReviewNote> ReviewNotes() => [];

    /// <summary>The full record stored for a source path, as extracted (docs/record-format.md); null when absent.</summary>
    ReportRecord? Load(string path);

    /// <summary>
    /// The document id of an indexed source path, null when it is not indexed. Ids are positive integers below 2^53 (exact in
    /// JSON and JavaScript) and stable: re-indexing a path keeps its id (the web interface's links rely on it).
    /// </summary>
    long? IdOf(string path);

    /// <summary>The full record stored under a document id (as <see cref="DocumentHit.Id"/> names it); null when there is none.</summary>
    ReportRecord? Load(long id);

    /// <summary>
    /// The document ids of every file of the report a document belongs to (its copies: <see cref="ReportCopies"/>), best
    /// first, the document itself included; empty when the engine does not group copies or the id is unknown.
    /// </summary>
    IReadOnlyList<long> CopiesOf(long id) => [];

    /// <summary>
    /// Removes the reports (and recorded failures) of files that no longer exist, each in its own write; returns their
    /// paths, in path order. <paramref name="exists"/> is the test (the file system's, unless a test gives another).
    /// </summary>
    IReadOnlyList<string> Prune(Func<string, bool>? exists = null)
    {
        exists ??= File.Exists;
        var gone = Sources().Select(s => s.Path).Where(p => !exists(p)).ToList();
        foreach (var p in gone) Remove(p);
        var failedGone = Failures().Select(f => f.Path).Where(p => !exists(p)).ToList();
        foreach (var p in failedGone) ClearFailure(p);
        return gone.Concat(failedGone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Each file's key for the cross-report checks (<see cref="Checks.AgencyKey.Of"/> of its record; null for a report
    /// without an agency), by path, as stored at write time; null when the index does not store them (Elasticsearch, an
    /// older SQLite index opened read-only): then they come from the records.
    /// </summary>
    IReadOnlyDictionary<string, string?>? CrossKeys() => null;

    /// <summary>
    /// The reviewers' decisions stored beside the readings (<see cref="Correction"/>): those of one file's content
    /// (<paramref name="sha256"/>), or every one; in file, table, row and column order. Engines without a correction
    /// store (Elasticsearch) hold none.
    /// </summary>
    IReadOnlyList<Correction> Corrections(string? sha256 = null) => [];

    /// <summary>Stores a decision, replacing an earlier one on the same cell of the same file content.</summary>
    void SaveCorrection(Correction correction) =>
        throw new IndexException(Location, "this index keeps no corrections (use the embedded SQLite index)");

    /// <summary>Removes the decision on a cell (review undo); false when there was none.</summary>
    bool RemoveCorrection(string sha256, int table, int row, string column) => false;

    /// <summary>Every report as its files, best copy first (a file without copies alone), in the path order of their best copies.</summary>
    IEnumerable<IReadOnlyList<StoredSource>> Reports() => Sources().Select(s => (IReadOnlyList<StoredSource>)[s]);
}

/// <summary>
/// The index cannot be used: missing, not a baocao index, damaged, unreachable. <see cref="Location"/> is the file or
/// URL; the message is the one-line reason.
/// </summary>
public sealed class IndexException(string location, string reason, Exception? inner = null)
    : Exception($"{location}: {reason}", inner)
{
    public string Location { get; } = location;
    public string Reason { get; } = reason;
}
