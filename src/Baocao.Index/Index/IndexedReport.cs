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
