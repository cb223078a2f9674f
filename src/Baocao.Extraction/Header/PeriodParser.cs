using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// Reads a reporting period from a title, a sentence or a table caption: "quý II/2021", "Quý III năm 2021",
/// "tháng 10 năm 2019", "6 tháng đầu năm 2022", "năm 2023 (từ ngày 01/01/2023 đến ngày 20/11/2023)".
/// <para>
/// From/To come from an explicit "từ ngày … đến ngày …" when one is printed (Explicit = true: agencies that report
/// calendar periods say so, and the printed range always wins), otherwise from the cut-off rule of
/// Nghị định 09/2019/NĐ-CP: month M runs 15/(M-1) to 14/M, quarters 15/12 (previous year) to 14/3, 15/3–14/6,
/// 15/6–14/9, 15/9–14/12, halves 15/12–14/6 and 15/6–14/12, the year 15/12 (previous year) to 14/12.
/// </para>
/// </summary>
public static partial class PeriodParser
{
    /// <summary>Period words found in text, before any dates are attached.</summary>
    private sealed record Words(string Kind, int? Year, int? Quarter, int? Month, int? Half, int? Months, int Index, int Length);

    /// <summary>
    /// Parses a period from <paramref name="periodText"/> ("Kỳ báo cáo: Quý II/2021", or a whole title) and an optional
    /// separate <paramref name="rangeText"/> ("(Từ ngày 15/3/2021 đến ngày 14/6/2021)"). A range is looked for in
    /// rangeText first, then in periodText. <paramref name="defaultYear"/> (e.g. the year of the report's date) fills a
    /// period printed without a year ("6 tháng cuối năm"). Kind is "custom" when there is only a range. Null when the
    /// text names no period at all.
    /// </summary>
    public static Period? Parse(string? periodText, string? rangeText = null, int? defaultYear = null)
    {
        var text = VietText.Clean(periodText);
        var range = FindRange(rangeText) ?? FindRange(text);
        var words = FindWords(text, defaultYear);
        if (words is null)
            return range is { } r ? new Period("custom", null, null, null, null, VietDate.Iso(r.From), VietDate.Iso(r.To), true) : null;
        return Complete(words, range);
    }

    /// <summary>
    /// Looks for period words that are immediately followed by a range, as a body sentence states it:
    /// "… tháng 10 năm 2019 (từ ngày 16/9/2019 đến ngày 15/10/2019) như sau". A range elsewhere in the sentence is
    /// not taken, because body text also cites the ranges of other documents and other periods.
    /// </summary>
    public static Period? ParseStatedRange(string? text, int? defaultYear = null)
    {
        var clean = VietText.Clean(text);
        foreach (Match rm in Range().Matches(clean))
        {
            if (ToRange(rm) is not { } range) continue;
            // The period words must end within a few characters before the range: an opening bracket, comma or colon.
            var before = clean[..rm.Index];
            var words = AllWords(before, defaultYear)
                .Where(w => TrailingJoin().IsMatch(before[(w.Index + w.Length)..]))
                .LastOrDefault();
            if (words is not null) return Complete(words, range);
        }
        return null;
    }

    /// <summary>
    /// A quarter whose Roman numeral OCR garbled: the strokes of I read as 1, l or |, and two of them joined as H ("Quý IH"
    /// for III, "quý I1/2021" for II). Returns the strokes counted, the year printed with it and the printed words; null
    /// when the text holds a clean quarter or no such words. Only a guess: the caller must have evidence for it.
    /// </summary>
    public static (int Quarter, int? Year, string Printed)? GarbledQuarter(string? text)
    {
        var clean = VietText.Clean(text);
        if (Quarter().IsMatch(clean)) return null;
        var m = Garbled().Match(clean);
        if (!m.Success) return null;
        var g = m.Groups["g"].Value;
        var strokes = RomanStrokes.Count(g);
        if (strokes > 3 || g.All(c => c == 'I')) return null;
        return (strokes, m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null, m.Value.Trim());
    }

    /// <summary>The first explicit "từ (ngày) d/m/y đến (ngày) d/m/y" in the text, else null.</summary>
    public static (DateOnly From, DateOnly To)? FindRange(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (Match m in Range().Matches(VietText.Clean(text)))
            if (ToRange(m) is { } r) return r;
        return null;
    }

    /// <summary>The rule-based period of Nghị định 09/2019/NĐ-CP for a month.</summary>
    public static Period ForMonth(int year, int month)
    {
        var to = new DateOnly(year, month, 14);
        var from = new DateOnly(year, month, 15).AddMonths(-1);
        return new Period("month", year, null, month, null, VietDate.Iso(from), VietDate.Iso(to), false);
    }

    /// <summary>The rule-based period for a quarter: it ends on the 14th of its last month and starts the day after the previous quarter.</summary>
    public static Period ForQuarter(int year, int quarter)
    {
        var to = new DateOnly(year, quarter * 3, 14);
        var from = new DateOnly(year, quarter * 3, 15).AddMonths(-3);
        return new Period("quarter", year, quarter, null, null, VietDate.Iso(from), VietDate.Iso(to), false);
    }

    /// <summary>The rule-based period for a half year (1 or 2).</summary>
    public static Period ForHalf(int year, int half)
    {
        var to = new DateOnly(year, half * 6, 14);
        var from = new DateOnly(year, half * 6, 15).AddMonths(-6);
        return new Period("half", year, null, null, half, VietDate.Iso(from), VietDate.Iso(to), false);
    }

    /// <summary>The rule-based period for a year: 15/12 of the previous year to 14/12.</summary>
    public static Period ForYear(int year) =>
        new("year", year, null, null, null, VietDate.Iso(new DateOnly(year - 1, 12, 15)), VietDate.Iso(new DateOnly(year, 12, 14)), false);

    /// <summary>
    /// "N tháng (đầu năm) Y" for N other than 6 (typically the 9-month report): not one of the rule's kinds, so it is
    /// "custom", dated by the same cut-off logic as the year to date: 15/12 of the previous year to the 14th of month N.
    /// </summary>
    public static Period ForFirstMonths(int year, int months) =>
        new("custom", year, null, null, null, VietDate.Iso(new DateOnly(year - 1, 12, 15)), VietDate.Iso(new DateOnly(year, months, 14)), false);

    private static Period? Complete(Words w, (DateOnly From, DateOnly To)? range)
    {
        Period? rule = (w.Kind, w.Year) switch
        {
            (_, null) => null,
            ("month", { } y) => ForMonth(y, w.Month!.Value),
            ("quarter", { } y) => ForQuarter(y, w.Quarter!.Value),
            ("half", { } y) => ForHalf(y, w.Half!.Value),
            ("year", { } y) => ForYear(y),
            ("months", { } y) => ForFirstMonths(y, w.Months!.Value),
            _ => null,
        };
        var kind = w.Kind == "months" ? "custom" : w.Kind;
        if (range is { } r)
            return new Period(kind, w.Year, w.Quarter, w.Month, w.Half, VietDate.Iso(r.From), VietDate.Iso(r.To), true);
        return rule ?? new Period(kind, w.Year, w.Quarter, w.Month, w.Half, null, null, false);
    }

    /// <summary>The first period named in the text: the earliest specific phrase, else a bare "năm YYYY".</summary>
    private static Words? FindWords(string text, int? defaultYear) => AllWords(text, defaultYear).FirstOrDefault();

    /// <summary>
    /// Every period phrase in the text, in order. Quarter, half, month and N-month phrases come first; a bare year counts
    /// only where it is not part of one of them, of a date ("ngày 21 tháng 11 năm 2023") or of a range.
    /// </summary>
    private static List<Words> AllWords(string text, int? defaultYear)
    {
        var found = new List<Words>();
        var masked = new List<(int Start, int End)>();
        foreach (Match m in Range().Matches(text)) masked.Add((m.Index, m.Index + m.Length));
        foreach (Match m in FullWordDate().Matches(text)) masked.Add((m.Index, m.Index + m.Length));
        bool Free(Match m) => !masked.Any(s => m.Index < s.End && s.Start < m.Index + m.Length);

        foreach (Match m in Quarter().Matches(text))
        {
            if (!Free(m)) continue;
            var q = m.Groups["q"].Value.ToUpperInvariant() switch
            {
                "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, "IV" or "4" => 4, _ => 0,
            };
            if (q == 0) continue;
            found.Add(new Words("quarter", YearOf(m, text, defaultYear), q, null, null, null, m.Index, m.Length));
        }
        foreach (Match m in Months().Matches(text))
        {
            if (!Free(m)) continue;
            var n = m.Groups["n6"].Success ? 6 : int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var late = m.Groups["late"].Success;
            // "trong 6 tháng" is a duration, not a period: a period says which months ("đầu"/"cuối") or of which year.
            if (!late && !m.Groups["early"].Success && !m.Groups["nam"].Success) continue;
            if (n == 6) found.Add(new Words("half", YearOf(m, text, defaultYear), null, null, late ? 2 : 1, null, m.Index, m.Length));
            else if (n is >= 1 and <= 11 && !late) found.Add(new Words("months", YearOf(m, text, defaultYear), null, null, null, n, m.Index, m.Length));
        }
        foreach (Match m in Month().Matches(text))
        {
            if (!Free(m)) continue;
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12) continue;
            found.Add(new Words("month", YearOf(m, text, defaultYear), null, mo, null, null, m.Index, m.Length));
        }
        foreach (var w in found) masked.Add((w.Index, w.Index + w.Length));
        foreach (Match m in Year().Matches(text))
        {
            if (!Free(m)) continue;
            found.Add(new Words("year", int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), null, null, null, null, m.Index, m.Length));
        }
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>
    /// The printed year of a phrase; else the next "năm YYYY" later in the text ("tháng 10 và tháng 11 năm 2019");
    /// else the caller's default.
    /// </summary>
    private static int? YearOf(Match m, string text, int? defaultYear)
    {
        if (m.Groups["y"].Success) return int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var later = Year().Match(text, m.Index + m.Length);
        return later.Success ? int.Parse(later.Groups["y"].Value, CultureInfo.InvariantCulture) : defaultYear;
    }

    private static (DateOnly From, DateOnly To)? ToRange(Match m)
    {
        if (!DateParser.TryParseNumeric(m.Groups["d2"].Value, m.Groups["m2"].Value, m.Groups["y2"].Value, out var to)) return null;
        var y1 = m.Groups["y1"].Success ? m.Groups["y1"].Value : null;
        if (y1 is null)
        {
            // "từ ngày 15/12 đến ngày 14/3/2023": the start year is left out; it is the end's year, or the one before
            // when the start month is later in the year than the end.
            var m1 = int.TryParse(m.Groups["m1"].Value, out var mv) ? mv : 0;
            y1 = (m1 > to.Month ? to.Year - 1 : to.Year).ToString(CultureInfo.InvariantCulture);
        }
        if (!DateParser.TryParseNumeric(m.Groups["d1"].Value, m.Groups["m1"].Value, y1, out var from)) return null;
        return from <= to ? (from, to) : null;
    }

    // "từ ngày 16/9/2019 đến ngày 15/10/2019", "TỪ NGÀY 01/10/2019 ĐẾN 15/10/2019", "từ 15/3 - 14/6/2021",
    // "từ ngày 16 tháng 9 năm 2019 đến ngày 15 tháng 10 năm 2019". The first year may be omitted.
    [GeneratedRegex(@"từ\s*(?:ngày\s*)?(?<d1>[0-9]{1,2})\s*(?:[/.\-]|\s*tháng)\s*(?<m1>[0-9]{1,2})(?:\s*(?:[/.\-]|năm)\s*(?<y1>[0-9]{4}))?\s*(?:[-–—,]\s*)?(?:(?:đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?)?(?<d2>[0-9]{1,2})\s*(?:[/.\-]|\s*tháng)\s*(?<m2>[0-9]{1,2})\s*(?:[/.\-]|năm)\s*(?<y2>[0-9]{4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    // A whole administrative date, masked so that its "năm 2023" is not read as a yearly period.
    [GeneratedRegex(@"ngày\s*[0-9]{0,2}\s*tháng\s*[0-9]{0,2}\s*năm\s*[0-9]{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FullWordDate();

    // "quý II/2021", "Quý III năm 2021", "quý 4 năm 2022", "QUÝ II/NĂM 2021", "quí I", with the year optional.
    [GeneratedRegex(@"\bqu[ýí]\s*(?<q>IV|I{1,3}|[1-4])(?![\p{L}0-9])(?:\s*(?:[/,\-–]\s*)?(?:năm\s*)?(?<y>[0-9]{4})(?![0-9]))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quarter();

    // "Quý IH năm 2021", "quý I1/2021": a numeral of I-like strokes (upper case: a lower-case l is the only small one).
    [GeneratedRegex(@"(?i:\bqu[ýí])\s*(?<g>[Il1|H]{1,3})(?![\p{L}0-9])(?:\s*(?:[/,\-–]\s*)?(?i:năm\s*)?(?<y>[0-9]{4})(?![0-9]))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Garbled();

    // "6 tháng đầu năm 2022", "06 tháng cuối năm", "sáu tháng năm 2022", "9 tháng đầu năm 2022".
    [GeneratedRegex(@"(?<![0-9])(?:(?<n>[0-9]{1,2})|(?<n6>sáu))\s*tháng\s*(?:(?<early>đầu)|(?<late>cuối))?\s*(?<nam>năm(?![\p{L}])\s*(?<y>[0-9]{4})?(?![0-9]))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Months();

    // "tháng 10 năm 2019", "tháng 5/2022", "tháng 05 năm 2022", "Tháng 10" - but not the middle of a date
    // ("ngày 21 tháng 11 năm 2023", masked separately) nor "6 tháng" (a count of months, read by MonthsRaw).
    [GeneratedRegex(@"(?<![0-9]\s*)\btháng\s*(?<m>[0-9]{1,2})(?![0-9])(?:\s*(?:/|[,\-–]?\s*năm)\s*(?<y>[0-9]{4})(?![0-9]))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Month();

    // A bare year: "năm 2023". "đầu năm"/"cuối năm" belong to a half-year phrase and are never a yearly period.
    [GeneratedRegex(@"(?<!(?:đầu|cuối)\s*)\bnăm\s*(?<y>(?:19|20)[0-9]{2})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    // What may stand between period words and the range that states their dates.
    [GeneratedRegex(@"^\s*[(,:\-–]?\s*$")]
    private static partial Regex TrailingJoin();
}
