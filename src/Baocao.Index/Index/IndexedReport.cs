using Baocao.Header;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Index;

/// <summary>One table row as both engines index it: its printed text (label and text cells) and its canonical values.</summary>
public sealed record IndexedRow(int Table, int Row, string? Form, string? Stt, string? Label, string Kind, int Page, string Text, IReadOnlyDictionary<string, decimal?> Values)
{
    public string Folded => VietText.Fold(Text);
}

/// <summary>
/// A record flattened for indexing, shared by the engines so they index the same things: the match keys of its
/// filters (province, agency, year, period, forms), the folded texts behind full-text search, and its rows. Pure.
/// </summary>
public sealed record IndexedReport(
    ReportRecord Record,
    string Path,
    string FileName,
    int? Year,
    string? PeriodLabel,
    string? ProvinceKey,
    string? AgencyKey,
    IReadOnlyList<string> Forms,
    string AgencyText,
    string HeadText,
    IReadOnlyList<IndexedRow> Rows)
{
    /// <summary>The key an index stores a source under: its absolute path, so the same file is the same report from any folder.</summary>
    public static string PathKey(string path) => System.IO.Path.GetFullPath(path);

    public static IndexedReport From(ReportRecord r)
    {
        var h = r.Header;
        var forms = h.Forms.Concat(r.Tables.Select(t => t.Form).OfType<string>())
            .DistinctBy(SearchQuery.FormKey).ToList();
        var head = new List<string?> { h.Title, h.Number, h.Symbol, h.Place, h.Province, h.Signer?.Name, h.Signer?.Title };
        head.AddRange(h.References);
        head.AddRange(forms);
        foreach (var t in r.Tables) head.AddRange([t.Title, t.Section, t.Unit, t.ReportingUnit, t.ReceivingUnit]);
        head.AddRange(r.Figures.Select(f => f.Text).Distinct());
        var rows = r.Tables.SelectMany(t => t.Rows.Select(row => new IndexedRow(t.Index, row.Index, t.Form, row.Stt, row.Label, row.Kind, row.Page, RowText(row), row.Values))).ToList();
        return new IndexedReport(r, PathKey(r.Source.Path), System.IO.Path.GetFileName(r.Source.Path), YearOf(h), PeriodLabelOf(h.Period),
            h.Province is null ? null : Provinces.Key(h.Province), h.Agency is null ? null : Provinces.Key(h.Agency), forms,
            string.Join(" | ", new[] { h.Agency, h.ParentAgency }.OfType<string>()),
            string.Join(" | ", head.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct()), rows);
    }

    /// <summary>The reporting year: the period's, else the year of the date.</summary>
    public static int? YearOf(ReportHeader h) =>
        h.Period?.Year ?? (h.Date is { Length: >= 4 } d && int.TryParse(d[..4], out var y) ? y : null);

    /// <summary>
    /// The reporting period's first and last day as numbers (20210315, 20210614): its dates as the record states them
    /// (an explicit "từ ngày … đến ngày …", else the rule of Nghị định 09/2019), else the rule's dates for its kind, else the
    /// report's date alone when it is a whole date; null when none is known. What --from/--to compare.
    /// </summary>
    public static (int From, int To)? PeriodDays(ReportHeader h)
    {
        var p = h.Period;
        if (p is { From: { } f, To: { } t } && Day(f) is { } df && Day(t) is { } dt) return (df, dt);
        Period? rule = p switch
        {
            { Kind: "month", Year: { } y, Month: { } m } when m is >= 1 and <= 12 => PeriodParser.ForMonth(y, m),
            { Kind: "quarter", Year: { } y, Quarter: { } q } when q is >= 1 and <= 4 => PeriodParser.ForQuarter(y, q),
            { Kind: "half", Year: { } y, Half: { } hf } when hf is 1 or 2 => PeriodParser.ForHalf(y, hf),
            { Kind: "year", Year: { } y } when y is > 1 and < 9999 => PeriodParser.ForYear(y),
            _ => null,
        };
        if (rule is { From: { } rf, To: { } rt } && Day(rf) is { } a && Day(rt) is { } b) return (a, b);
        return Day(h.Date) is { } d ? (d, d) : null;
    }

    /// <summary>"2021-06-14" as 20210614; null for anything else (a partial date "2021-06").</summary>
    public static int? Day(string? iso) =>
        iso is { Length: 10 } && iso[4] == '-' && iso[7] == '-' && int.TryParse(iso[..4], out var y) && int.TryParse(iso[5..7], out var m) && int.TryParse(iso[8..], out var d)
            ? y * 10000 + m * 100 + d : null;

    /// <summary>Whether a period's days overlap the range from..to (either bound may be open); a report without days never does.</summary>
    public static bool Overlaps((int From, int To)? days, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return true;
        if (days is not { } d) return false;
        return (from is not { } f || d.To >= f.Year * 10000 + f.Month * 100 + f.Day) && (to is not { } t || d.From <= t.Year * 10000 + t.Month * 100 + t.Day);
    }

    /// <summary>"2021-Q3", "2021-H1", "2021-05", "2021", or "2023-01-01..2023-11-20" for a custom range.</summary>
    public static string? PeriodLabelOf(Period? p) => p switch
    {
        null => null,
        { Kind: "quarter", Year: { } y, Quarter: { } q } => $"{y}-Q{q}",
        { Kind: "half", Year: { } y, Half: { } hf } => $"{y}-H{hf}",
        { Kind: "month", Year: { } y, Month: { } m } => $"{y}-{m:00}",
        { Kind: "year", Year: { } y } => $"{y}",
        { From: { } f, To: { } t } => $"{f}..{t}",
        { Year: { } y } => $"{y}",
        _ => null,
    };

    /// <summary>A row's printed words: the label, then every other text cell (a procedure name, a field), in column order.</summary>
    public static string RowText(TableRow row)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(row.Label)) parts.Add(row.Label);
        foreach (var c in row.Cells)
            if (c.Kind == "text" && !string.IsNullOrWhiteSpace(c.Raw) && c.Raw != row.Label && c.Raw != row.Stt && !parts.Contains(c.Raw))
                parts.Add(c.Raw);
        return string.Join(" · ", parts);
    }
}
