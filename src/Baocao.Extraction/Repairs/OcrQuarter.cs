using Baocao.Header;
using Baocao.Reports;

namespace Baocao.Repairs;

/// <summary>
/// The reporting quarter of a scanned report whose title numeral OCR garbled ("Quý IH năm 2021" for III): read from the
/// numeral's strokes only when the report's date says the same, that is, when it is dated in the quarter's last month or
/// the month after (reports are due at the quarter's end). The title keeps the text as read, and a warning says what
/// was inferred. Without that evidence the period is left unread, with a warning. A legible quarter that the date
/// does not fit ("Quý II" read for III, a stroke lost) is only flagged. Pure.
/// </summary>
public static class OcrQuarter
{
    public static (ReportHeader Header, string? Warning) Repair(ReportHeader header)
    {
        var dated = DateParts(header.Date);
        if (header.Period is { Kind: "quarter", Year: { } qy, Quarter: { } q })
            return dated is { } dd && !Supports(qy, q, dd.Year, dd.Month)
                ? (header, $"header: the title's quarter {q} of {qy} does not fit the report's date {header.Date}; check the scan (OCR may have lost a stroke of the numeral)")
                : (header, null);
        // Only a title that gave no period, or only its year (the "năm 2021" after the garbled numeral).
        if (header.Period is { Kind: not "year" } || PeriodParser.GarbledQuarter(header.Title) is not { } g) return (header, null);
        var year = g.Year ?? header.Period?.Year;
        // Without evidence the period stays unread: the year alone would pass a quarter's report off as a year's.
        if (year is not { } y || dated is not { } d || !Supports(y, g.Quarter, d.Year, d.Month))
            return (header with { Period = null }, $"header: the title's quarter «{g.Printed}» is not legible (OCR); the period is left unread");
        return (header with { Period = PeriodParser.ForQuarter(y, g.Quarter) },
            $"header: the title's quarter «{g.Printed}» is not legible (OCR); read as quarter {g.Quarter} of {y}, as the report's date {header.Date} supports");
    }

    /// <summary>Whether a report dated in (year, month) fits the quarter: dated in its last month or the month after.</summary>
    private static bool Supports(int year, int quarter, int dateYear, int dateMonth)
    {
        var last = new DateOnly(year, quarter * 3, 1);
        var dated = new DateOnly(dateYear, dateMonth, 1);
        return dated == last || dated == last.AddMonths(1);
    }

    private static (int Year, int Month)? DateParts(string? iso) =>
        iso is { Length: >= 7 } && int.TryParse(iso[..4], out var y) && int.TryParse(iso[5..7], out var m) && m is >= 1 and <= 12 ? (y, m) : null;
}
