using System.Globalization;
using System.Text.RegularExpressions;

namespace Baocao.Header;

/// <summary>
/// A date as printed, possibly partial: drafts are archived with the day, or the day and month, left blank for the
/// clerk to fill in ("ngày   tháng 6 năm 2021"), and that is a fact about the document, not a parsing failure.
/// </summary>
public sealed record VietDate(int Year, int? Month, int? Day)
{
    /// <summary>"2021-06-21", "2021-06" (blank day) or "2021" (blank day and month).</summary>
    public string ToIso() => (Month, Day) switch
    {
        ({ } m, { } d) => $"{Year:D4}-{m:D2}-{d:D2}",
        ({ } m, null) => $"{Year:D4}-{m:D2}",
        _ => $"{Year:D4}",
    };

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A "Place, ngày … tháng … năm …" line, split into its parts.</summary>
public sealed record PlaceDate(string? Place, VietDate Date);

/// <summary>
/// Reads Vietnamese dates: the administrative form "ngày 21 tháng 11 năm 2023" (with blanks), the numeric form
/// "ngày 05/12/2022", and bare "16/9/2019" inside ranges.
/// </summary>
public static partial class DateParser
{
    /// <summary>
    /// The first "ngày … tháng … năm …" or "ngày d/m/y" in <paramref name="text"/>. Blank parts (spaces, dots, underscores
    /// left for hand-filling) give a partial date. A day or month that cannot exist makes the whole date null rather than
    /// a guess.
    /// </summary>
    public static VietDate? ParseDate(string? text) => FindDate(text, out _, out _);

    /// <summary>
    /// The place-and-date line of a header: "Trà Cú, ngày 21 tháng 11 năm 2023". The place is the run of capitalised words
    /// right before ", ngày" (so a number printed on the same line, "Số: 533/BC-UBND Trà Cú, ngày …", stays out of it).
    /// Null when the text has no administrative date; Place is null when nothing capitalised precedes it.
    /// </summary>
    public static PlaceDate? ParsePlaceDate(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var date = FindDate(text, out var index, out _);
        if (date is null) return null;
        var before = text[..index];
        // "(Từ ngày 15/6/2022 đến ngày 14/9/2022)": a bound of a period, not the date the document was signed.
        if (RangeWord().IsMatch(before)) return null;
        var m = PlaceBeforeComma().Match(before);
        var place = m.Success ? Baocao.Text.VietText.Clean(m.Groups["place"].Value) : null;
        return new PlaceDate(string.IsNullOrEmpty(place) ? null : place, date);
    }

    private static VietDate? FindDate(string? text, out int index, out int length)
    {
        index = -1;
        length = 0;
        if (string.IsNullOrEmpty(text)) return null;
        var w = WordDate().Match(text);
        var n = NumericDate().Match(text);
        // Take whichever form comes first; both can occur when a body sentence cites another document's date.
        Match? m = (w.Success, n.Success) switch
        {
            (true, true) => w.Index <= n.Index ? w : n,
            (true, false) => w,
            (false, true) => n,
            _ => null,
        };
        if (m is null) return null;
        index = m.Index;
        length = m.Length;
        return Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
    }

    /// <summary>Builds a (possibly partial) date from printed parts; null when the printed values cannot be a date.</summary>
    internal static VietDate? Build(string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1900 || y > 2100) return null;
        int? mo = int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mv) ? mv : null;
        int? d = int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var dv) ? dv : null;
        if (mo is { } mm && (mm < 1 || mm > 12)) return null;
        if (d is not null && mo is null) return null;          // a day without a month means nothing
        if (d is { } dd && (dd < 1 || dd > DateTime.DaysInMonth(y, mo!.Value))) return null;
        return new VietDate(y, mo, d);
    }

    /// <summary>A full d/m/y date ("16/9/2019", "01.10.2019"); false for anything partial or impossible.</summary>
    public static bool TryParseNumeric(string day, string month, string year, out DateOnly date)
    {
        date = default;
        if (Build(year, month, day) is not { Month: { } m, Day: { } d } v) return false;
        date = new DateOnly(v.Year, m, d);
        return true;
    }

    /// <summary>
    /// What fills a blank day or month left for hand-filling: spaces, dots, underscores or an ellipsis (PDF text collapses
    /// the spaces to one); OCR reads a dotted blank as a dash.
    /// </summary>
    internal const string Blank = @"[\s._…–—-]";

    [GeneratedRegex(@"(?:^|[\s(])(?:từ|đến|tới|hết)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeWord();

    [GeneratedRegex(@"ngày" + Blank + @"*(?<d>[0-9]{1,2})?" + Blank + @"*tháng" + Blank + @"*(?<m>[0-9]{1,2})?" + Blank + @"*năm\s*(?<y>[0-9]{4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();

    [GeneratedRegex(@"ngày[\s._…]*(?<d>[0-9]{1,2})?[\s._…]*[/.\-][\s._…]*(?<m>[0-9]{1,2})?[\s._…]*[/.\-]\s*(?<y>[0-9]{4})(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    // The place: up to six capitalised words (or "TP."-style abbreviations, "-" joins "Bà Rịa - Vũng Tàu"), starting at a
    // word boundary that is not inside a symbol such as "BC-UBND", and ending right before the comma. A unit word
    // written in lower case after its capital ("Thành phố Hồ Chí Minh", "Thị xã Duyên Hải") is part of the place.
    [GeneratedRegex(@"(?<![^\s(])(?<place>(?:(?:Thành phố|Thị xã|Thị trấn)\s+)?\p{Lu}[\p{L}.]*(?:\s*[-–]?\s*\p{Lu}[\p{L}.]*){0,5})\s*,?\s*$")]
    private static partial Regex PlaceBeforeComma();
}
