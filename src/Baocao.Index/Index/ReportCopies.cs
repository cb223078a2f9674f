using System.Globalization;
using Baocao.Mapping;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Index;

/// <summary>
/// Copies of one report (issue 17 item 2): an archive holds the same report as DOCX, digital PDF, scans and legacy-font
/// copies. They are one report when their content hash is the same, or when they state the same issuing agency, number,
/// date and period (<see cref="Key"/>); the best copy (<see cref="Rank"/>: digital PDF, then DOCX, then a scan, then the
/// fewer doubts of its reading) supplies the report's record, the others are listed under it. Pure.
/// </summary>
public static class ReportCopies
{
    /// <summary>
    /// The identity shared by the copies of a report: "r|agency|number|date|period" when the header states an agency, a
    /// number and a whole date. An archived draft has no number and often a partial date ("Số: /BC-STTTT", "ngày … tháng 6
    /// năm 2021"): it is "d|agency|symbol|date|period|title", which needs the agency, a date, the period and the title
    /// (its summary line, all of it: two drafts of one agency for one period differ there). Anything less is only ever the
    /// same report as a file with the same content: "h|sha256". The agency is its canonical key when it has one ("Sở TT&amp;TT"
    /// and "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" agree), else its folded letters. Never guessed further: two files whose headers
    /// differ in one of these (a scan that misread the number, a legacy font converted with a letter lost) stay two reports.
    /// </summary>
    public static string Key(ReportRecord r)
    {
        var h = r.Header;
        var agency = h.AgencyKey ?? (h.Agency is { } a ? Squash(a) : null);
        var number = h.Number is { } n ? Squash(n) : null;
        var period = IndexedReport.PeriodLabelOf(h.Period);
        if (string.IsNullOrEmpty(agency)) return "h|" + r.Source.Sha256;
        if (!string.IsNullOrEmpty(number) && IndexedReport.Day(h.Date) is not null)
            return string.Join('|', "r", agency, number, h.Date, period ?? "");
        var title = h.Title is { } t ? Squash(t) : null;
        if (string.IsNullOrEmpty(number) && !string.IsNullOrEmpty(title) && !string.IsNullOrEmpty(h.Date) && period is not null)
            return string.Join('|', "d", agency, h.Symbol is { } sy ? Squash(sy) : "", h.Date, period, title);
        return "h|" + r.Source.Sha256;
    }

    private static string Squash(string s) => string.Concat(VietText.Fold(s).Where(char.IsLetterOrDigit));

    /// <summary>The kind of copy, best first: 0 a digital PDF, 1 a Word file (DOCX, legacy .doc), 2 a scan (OCR).</summary>
    public static int Kind(ReportRecord r) =>
        r.Source.Ocr ? 2 : string.Equals(r.Source.Format, "pdf", StringComparison.OrdinalIgnoreCase) ? 0 : 1;

    /// <summary>
    /// Lower is better: the kind of copy first (<see cref="Kind"/>), then the doubts of its reading: values read with low
    /// confidence, tables to review and reading warnings (a legacy font converted, a page not read) weigh 1, 10 and 10.
    /// </summary>
    public static int Rank(ReportRecord r, ReviewNote note) =>
        Kind(r) * 1_000_000 + Math.Min(999_999, note.LowConfidence + 10 * note.ReviewTables + 10 * note.Reading);

    /// <summary>The fields (lĩnh vực) a report's rows name, as their canonical list gives them ("field:ho-tich", "Hộ tịch").</summary>
    public static IReadOnlyList<(string Key, string Name)> Fields(ReportRecord r) =>
        r.Tables.SelectMany(t => t.Rows)
            .Where(row => row.LabelKey is { } k && k.StartsWith("field:", StringComparison.Ordinal) && row.CanonicalLabel is not null)
            .Select(row => (row.LabelKey!, row.CanonicalLabel!))
            .DistinctBy(x => x.Item1).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A form code as the form it is: "II.06a (TT 01/2020)" for the forms of Thông tư 01/2020/TT-VPCP, whose codes carry
    /// "II.", and "06a (TT 02/2017)" for those of Thông tư 02/2017/TT-VPCP, numbered without it; one spelling for any
    /// printed case or spacing of the code ("ii. 06A").
    /// </summary>
    public static string FormLabel(string form)
    {
        var key = SearchQuery.FormKey(form);
        if (key.StartsWith("ii.", StringComparison.Ordinal)) return "II." + key[3..] + " (TT 01/2020)";
        return key.Length > 0 && char.IsDigit(key[0]) ? key + " (TT 02/2017)" : form;
    }

    /// <summary>An agency as the canonical list spells it ("SỞ TƯ PHÁP" and "Sở Tư pháp" are "Sở Tư pháp"); the printed text when the list has none.</summary>
    public static string AgencyName(string printed) => NameNormalizer.Default.Agency(printed)?.Name ?? printed;

    /// <summary>
    /// What a copy reads differently from the best copy: header fields, prose figures (by key and scope), the values of
    /// the totals rows (by table and key), and findings of the checks one has and the other has not. Empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> Differences(ReportRecord best, ReportRecord copy)
    {
        var d = new List<string>();
        void Field(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) d.Add($"{name}: {b ?? "-"} (best copy: {a ?? "-"})");
        }
        Field("number", best.Header.Number, copy.Header.Number);
        Field("date", best.Header.Date, copy.Header.Date);
        Field("period", IndexedReport.PeriodLabelOf(best.Header.Period), IndexedReport.PeriodLabelOf(copy.Header.Period));
        Field("agency", best.Header.Agency, copy.Header.Agency);
        static string Num(decimal? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "-";
        var figures = best.Figures.GroupBy(f => (f.Key, f.Scope)).ToDictionary(g => g.Key, g => g.First());
        foreach (var g in copy.Figures.GroupBy(f => (f.Key, f.Scope)))
            if (figures.TryGetValue(g.Key, out var f) && f.Value != g.First().Value)
                d.Add($"figure {g.Key.Key}{(g.Key.Scope is null ? "" : $" [{g.Key.Scope}]")} p.{g.First().Page}: {Num(g.First().Value)} (best copy: {Num(f.Value)})");
        static Dictionary<(int, string), decimal?> Totals(ReportRecord r) =>
            r.Tables.SelectMany(t => t.Rows.Where(x => x.Kind == "total").Take(1).SelectMany(x => x.Values.Select(v => (key: (t.Index, v.Key), v.Value))))
                .GroupBy(x => x.key).ToDictionary(g => g.Key, g => g.First().Value);
        var bestTotals = Totals(best);
        foreach (var (k, v) in Totals(copy))
            if (bestTotals.TryGetValue(k, out var b) && b != v)
                d.Add($"table {k.Item1 + 1} total {k.Item2}: {Num(v)} (best copy: {Num(b)})");
        static string Finding(Check c) => $"{c.Severity} {c.Rule}: {c.Message}";
        var bestFindings = best.Checks.Select(Finding).ToHashSet(StringComparer.Ordinal);
        var copyFindings = copy.Checks.Select(Finding).ToHashSet(StringComparer.Ordinal);
        foreach (var f in copyFindings.Where(f => !bestFindings.Contains(f))) d.Add("finding only in this copy: " + f);
        foreach (var f in bestFindings.Where(f => !copyFindings.Contains(f))) d.Add("finding only in the best copy: " + f);
        return d;
    }
}
