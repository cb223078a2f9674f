namespace Baocao.Index;

/// <summary>A piece of a report's text with the query's words marked «like this», and where it is printed.</summary>
public sealed record Highlight(string Field, string Text, int? Page);

/// <summary>A prose figure of a report, with the page it is stated on.</summary>
public sealed record FigureHit(string Key, decimal Value, string? Scope, int Page);

/// <summary>
/// A matching table row: where it is (report, table, page), what it says (STT, label, the text of its text cells with the
/// query's words marked) and its canonical values.
/// </summary>
public sealed record RowHit(
    int Table,
    string? Form,
    string? TableTitle,
    int Row,
    string? Stt,
    string? Label,
    string Kind,
    int Page,
    string? Highlight,
    IReadOnlyDictionary<string, decimal?> Values);

/// <summary>
/// A matching report with its document id (<see cref="IReportIndex.Load(long)"/>), provenance (source file name and path),
/// metadata, highlights, figures and rows.
/// </summary>
public sealed record DocumentHit(
    long Id,
    string Path,
    string FileName,
    string Sha256,
    string? Number,
    string? Agency,
    string? Province,
    string? Date,
    int? Year,
    string? Period,
    string? Title,
    IReadOnlyList<string> Forms,
    IReadOnlyList<Highlight> Highlights,
    IReadOnlyList<FigureHit> Figures,
    IReadOnlyList<RowHit> Rows,
    int MatchedRows)
{
    /// <summary>The report's other files (copies of it: another format, a scan), best first; empty when it has none.</summary>
    public IReadOnlyList<CopyHit> Copies { get; init; } = [];
}

/// <summary>
/// Another file of the same report (<see cref="ReportCopies"/>): its document id (its own record, with its own reading and
/// findings), path, file name, format and whether it was read by OCR.
/// </summary>
public sealed record CopyHit(long Id, string Path, string FileName, string? Format, bool Ocr);

/// <summary>One value of a facet and how many matching reports have it.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>Counts of the matching reports by province, agency, year, form and period (a report counts once per value).</summary>
public sealed record Facets(
    IReadOnlyList<FacetCount> Province,
    IReadOnlyList<FacetCount> Agency,
    IReadOnlyList<FacetCount> Year,
    IReadOnlyList<FacetCount> Form,
    IReadOnlyList<FacetCount>? Period = null)
{
    /// <summary>By reporting period ("2021-Q3", "2021"), newest first.</summary>
    public IReadOnlyList<FacetCount> Periods => Period ?? [];

    /// <summary>By field (lĩnh vực) named by the report's rows, as the canonical list spells it.</summary>
    public IReadOnlyList<FacetCount> Field { get; init; } = [];

    /// <summary>Whether the report's checks found errors: "yes" and "no" (reports indexed without a note are not counted).</summary>
    public IReadOnlyList<FacetCount> Errors { get; init; } = [];

    /// <summary>Whether the report needs review (low-confidence values, tables to review, warnings of its reading): "yes" and "no".</summary>
    public IReadOnlyList<FacetCount> Review { get; init; } = [];

    /// <summary>Every facet by its name (the names of the API and of <c>--facets</c>), in display order.</summary>
    public IEnumerable<(string Name, IReadOnlyList<FacetCount> Values)> All() =>
    [
        ("province", Province), ("agency", Agency), ("field", Field), ("year", Year), ("period", Periods), ("form", Form),
        ("errors", Errors), ("review", Review),
    ];

    public static readonly IReadOnlyList<string> Names = ["province", "agency", "field", "year", "period", "form", "errors", "review"];
}

/// <summary>The answer to a search: totals over everything that matched, the first reports, and facets when asked.</summary>
public sealed record SearchResult(int TotalDocuments, int TotalRows, IReadOnlyList<DocumentHit> Documents, Facets? Facets)
{
    /// <summary>The query with each word that is in no report replaced by the nearest word of the index (null: none needed).</summary>
    public string? Suggestion { get; init; }

    /// <summary>Nothing matched as typed, so the results are those of <see cref="Suggestion"/>.</summary>
    public bool Corrected { get; init; }

    /// <summary>Reports skipped before the first of <see cref="Documents"/>.</summary>
    public int Offset { get; init; }

    /// <summary>The offset of the next page; null when this page is the last.</summary>
    public int? NextOffset { get; init; }

    /// <summary>The order used ("relevance", "date:desc", "resolved.late:desc").</summary>
    public string? Sort { get; init; }
}

/// <summary>One table row with its report's metadata: the unit of <c>export</c>.</summary>
public sealed record ExportRow(
    string Path,
    string FileName,
    string Sha256,
    string? Number,
    string? Agency,
    string? ParentAgency,
    string? Province,
    string? Date,
    int? Year,
    string? Period,
    string? Title,
    int Table,
    string? Form,
    string? TableTitle,
    int Row,
    string? Stt,
    string? Label,
    string Kind,
    int Page,
    IReadOnlyDictionary<string, decimal?> Values);

/// <summary>What an index holds.</summary>
public sealed record IndexStats(long Documents, long Tables, long Rows, long Values, long Figures, long Bytes, long Failed = 0);

/// <summary>
/// A source file that could not be extracted: its content hash and the extractor version that failed on it, so a later
/// ingest skips it while both are unchanged and retries it when either changes; the one-line reason.
/// </summary>
public sealed record FailedSource(string Path, string Sha256, string? Extractor, string Reason, string FailedAt);

/// <summary>
/// What a stored report asks of a reviewer: values read with low confidence, tables needing review, the warnings of its
/// reading (a page that could not be read, a scanned quarter inferred from the report's date), its check findings by
/// severity, and its reading doubts (findings that rest on a doubtful reading: cause "reading").
/// </summary>
public sealed record ReviewNote(string Path, int LowConfidence, int ReviewTables, int Errors, int Warnings, int Infos, int Reading = 0, int Doubts = 0)
{
    public bool NeedsReview => LowConfidence > 0 || ReviewTables > 0 || Reading > 0 || Doubts > 0;

    /// <summary>The flag of a cell read with low confidence (counted in <see cref="LowConfidence"/>).</summary>
    public const string LowConfidenceFlag = "low-confidence";

    /// <summary>The note of a whole record.</summary>
    public static ReviewNote Of(Reports.ReportRecord r, string path)
    {
        var checks = new CheckCounts();
        foreach (var c in r.Checks) checks.Add(c.Severity, c.Cause);
        return Of(r, path, checks, lowConfidenceCells: 0);
    }

    /// <summary>
    /// The one place a note is made: from <paramref name="r"/>'s tables, rows, figures and warnings, plus the cells flagged
    /// low-confidence and the findings counted elsewhere (a spilled record's rows and checks, read one at a time and not
    /// in <paramref name="r"/>).
    /// </summary>
    public static ReviewNote Of(Reports.ReportRecord r, string path, CheckCounts checks, int lowConfidenceCells) => new(path,
        lowConfidenceCells + r.Tables.Sum(t => t.Rows.Sum(row => row.Cells.Count(c => c.Flags.Contains(LowConfidenceFlag)))) + r.Figures.Count(f => f.Confidence < 0.80),
        r.Tables.Count(t => t.NeedsReview),
        checks.Errors, checks.Warnings, checks.Infos,
        r.Warnings.Count,
        checks.Doubts);

    /// <summary>Why the report is in the review queue, in Vietnamese, one reason per kind (empty when it is not).</summary>
    public IReadOnlyList<string> Reasons()
    {
        var reasons = new List<string>();
        if (LowConfidence > 0) reasons.Add($"{LowConfidence} giá trị đọc với độ tin cậy thấp");
        if (ReviewTables > 0) reasons.Add($"{ReviewTables} bảng cần rà soát");
        if (Reading > 0) reasons.Add($"{Reading} cảnh báo khi đọc");
        if (Doubts > 0) reasons.Add($"{Doubts} nghi vấn do đọc trong kiểm tra số liệu");
        return reasons;
    }
}

/// <summary>
/// A report's findings counted as its review note counts them, one at a time: the one place that says which is an error, a
/// warning, an info and a doubt (a finding resting on a doubtful reading, cause <c>reading</c>, whatever its severity).
/// </summary>
public sealed class CheckCounts
{
    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public int Infos { get; private set; }
    public int Doubts { get; private set; }

    public void Add(string? severity, string? cause)
    {
        if (severity == Checks.Severity.Error) Errors++;
        else if (severity == Checks.Severity.Warning) Warnings++;
        else if (severity == Checks.Severity.Info) Infos++;
        if (cause == Checks.Cause.Reading) Doubts++;
    }
}

/// <summary>A stored report's identity: what issue 7's resumable ingest needs to skip a file already indexed.</summary>
public sealed record StoredSource(string Path, string Sha256, string? Extractor, string IndexedAt);
