using System.Globalization;
using Baocao.Text;

namespace Baocao.Checks;

/// <summary>Where a value or a finding sits: the file, page, table index, row (label and index) and column (key or id, printed number).</summary>
public sealed record CheckPlace(string? File, int? Page, int? Table, int? RowIndex, string? Row, string? Column, int? ColumnNumber);

/// <summary>
/// One printed number a check reads: a table cell or a prose figure, with its place, its printed text and its OCR
/// confidence. A blank cell or a "-" counts as 0 in a sum (the forms mean none) but is never itself checked; a mark
/// ("x") or text is not a number, and a relation that would need it is not built at all.
/// </summary>
public sealed class Operand(string id, string name, decimal? value, bool blank, string raw, double confidence, CheckPlace place, IReadOnlyList<string>? flags = null)
{
    /// <summary>The reading's flags (a cell's; else those the printed text gets from the parser).</summary>
    public IReadOnlyList<string> Flags { get; } = flags ?? NumberParser.ParseCell(raw).Flags;

    /// <summary>
    /// A printed value whose reading is in doubt: OCR confidence below <paramref name="lowConfidence"/>, or a reading
    /// the parser flagged ("1,572" that the document did not decide, "0.7"). A grouping the document decided
    /// (<c>comma-thousands</c>) is not a doubt.
    /// </summary>
    public bool IsDoubtful(double lowConfidence) =>
        IsPrinted && (Confidence < lowConfidence || Flags.Any(f => f is NumberParser.FlagAmbiguousGrouping or NumberParser.FlagDecimalPoint or "low-confidence"));

    /// <summary>Unique within one check run (it names the file for cross-report runs), so a value shared by several relations is one operand.</summary>
    public string Id { get; } = id;

    /// <summary>How a relation names it: "(8)" for a numbered column, a canonical key, a column id.</summary>
    public string Name { get; } = name;

    /// <summary>The typed value; 0 for a blank or "-"; null for a mark or text.</summary>
    public decimal? Value { get; } = blank ? 0 : value;

    public bool Blank { get; } = blank;
    public string Raw { get; } = raw;
    public double Confidence { get; } = confidence;
    public CheckPlace Place { get; } = place;

    /// <summary>A number that was printed (not blank, not "-", not a mark or text).</summary>
    public bool IsPrinted => !Blank && Value is not null;

    /// <summary>Decimals as printed ("2,02" has 2, "97%" has 0): the document's own rounding.</summary>
    public int Decimals => Value is { } v && !Blank ? Scale(v) : 0;

    public static int Scale(decimal v) => (decimal.GetBits(v)[3] >> 16) & 0xFF;

    public override string ToString() => $"{Name}={Value?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
}
