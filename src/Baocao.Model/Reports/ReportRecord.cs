using Baocao.Documents;

namespace Baocao.Reports;

/// <summary>
/// The reporting period. <c>Kind</c> is month, quarter, half, year or custom; From/To are ISO dates, taken from an
/// explicit "từ ngày … đến ngày …" when the document states one, else from the rule of Nghị định 09/2019/NĐ-CP.
/// </summary>
public sealed record Period(string Kind, int? Year, int? Quarter, int? Month, int? Half, string? From, string? To, bool Explicit);

/// <summary>The signer block: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Tăng Thị Thắm".</summary>
public sealed record Signer(string? Name, string? Title, string? Authority);

/// <summary>The document's header metadata.</summary>
public sealed record ReportHeader(
    string? Number,
    string? Symbol,
    string? DocType,
    string? Agency,
    string? ParentAgency,
    string? Province,
    string? Place,
    string? Date,
    string? Title,
    Period? Period,
    Signer? Signer,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> References,
    IReadOnlyList<string> Forms,
    string? AgencyKey = null,
    string? CanonicalAgency = null)
{
    public static readonly ReportHeader Empty = new(null, null, null, null, null, null, null, null, null, null, null, [], [], []);
}

/// <summary>One leaf column of a table: its header path, printed number and formula, and its canonical key if mapped.</summary>
public sealed record TableColumn(int Index, string Id, string? Key, string Header, int? Number, string? Formula, double Confidence)
{
    /// <summary>The formula as OCR read it, when it was repaired (a term lost, restored from the rows): null otherwise.</summary>
    public string? FormulaAsRead { get; init; }
}

/// <summary>
/// One printed cell with its typed value and provenance. <c>Box</c> is null for DOCX, which has no geometry;
/// <c>Confidence</c> is OCR's (1 for a digital text layer). A value read with low confidence carries the
/// "low-confidence" flag: it is kept as read, for review, never altered.
/// </summary>
public sealed record TableCell(string Column, string Raw, string Kind, decimal? Value, int Page, BBox? Box, int GridRow, int GridCol, IReadOnlyList<string> Flags, double Confidence = 1.0);

/// <summary>
/// A body row: STT, label, kind (item, group, total, percent), canonical values and every cell. <c>LabelKey</c> and
/// <c>CanonicalLabel</c> put the label on a canonical list ("field:ho-tich", "agency:so-tu-phap", "level:cap-tinh").
/// </summary>
public sealed record TableRow(int Index, string? Stt, string? Label, string Kind, IReadOnlyDictionary<string, decimal?> Values, IReadOnlyList<TableCell> Cells, int Page,
    string? LabelKey = null, string? CanonicalLabel = null);

/// <summary>A table with its header resolved.</summary>
public sealed record ReportTable(
    int Index,
    string? Form,
    string? Title,
    string? Section,
    int Page,
    string? Unit,
    Period? Period,
    string? ReportingUnit,
    string? ReceivingUnit,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    bool NeedsReview);

/// <summary>
/// A key figure stated in the prose, with the sentence it came from. <c>Scope</c> names a sub-level ("Cấp tỉnh")
/// when the sentence is about one; <c>Confidence</c> is OCR's for the line it was read from (1 for a text layer).
/// <c>Raw</c> is the number as printed in the sentence ("2,800"; null for "Không có" and for records written before it
/// was kept) and <c>Flags</c> the parser's doubts about it (<c>ambiguous-grouping</c>, <c>decimal-point</c>), or
/// <c>comma-thousands</c> once the document decided that "2,800" is 2800 (<c>Checks/NumberGrouping</c>).
/// </summary>
public sealed record Figure(string Key, decimal Value, string Text, int Page, string? Scope, double Confidence = 1.0)
{
    public string? Raw { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>
/// A finding of a cross-check (filled by the checks stage, <c>Baocao.Checks</c>): which rule, how serious, where
/// (page, table index, row label, column key or id) and by how much (the printed value, the value the rule expects).
/// The printed value is never changed: a suspected misreading carries its <see cref="Proposed"/> value beside it.
/// </summary>
public sealed record Check(string Rule, string Severity, string Message, int? Page, int? Table, string? Row, string? Column, decimal? Printed, decimal? Expected)
{
    /// <summary>The source file the finding is about (the later or the covering report of a cross-report finding).</summary>
    public string? File { get; init; }

    /// <summary>The row's index in the table (<see cref="Row"/> is its printed label, or its STT when the label is blank).</summary>
    public int? RowIndex { get; init; }

    /// <summary>The column's printed number ("(7)" gives 7), when the table has a column-number row.</summary>
    public int? ColumnNumber { get; init; }

    /// <summary>The relation that was checked, as a formula: "(7)=(8)+(9)+(10)", "received.total = received.new + received.carried_over".</summary>
    public string? Relation { get; init; }

    /// <summary>Printed minus expected.</summary>
    public decimal? Difference => Printed - Expected;

    /// <summary>
    /// For a suspected misreading: the value one changed character would give, which satisfies every check the value
    /// takes part in. For a doubt resting on one doubtful reading: the value that reading would need for the relation to hold.
    /// </summary>
    public decimal? Proposed { get; init; }

    /// <summary>For a cross-report finding: the other report (its path and period).</summary>
    public string? Related { get; init; }

    /// <summary>What the finding blames: "report" (a printed error) or "reading" (a reading doubt); null for info findings.</summary>
    public string? Cause { get; init; }

    /// <summary>
    /// The reviewers' decisions the finding rests on (values a reviewer corrected or confirmed, <see cref="Review"/>):
    /// "(8) «181,22» → 181220; (9) «504» ✓". Null for a finding on the values as read (every finding of an extraction).
    /// </summary>
    public string? Reviewed { get; init; }
}

/// <summary>The whole extraction result for one source file.</summary>
public sealed record ReportRecord(
    SourceInfo Source,
    ReportHeader Header,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Check> Checks,
    IReadOnlyList<string> Warnings);
