using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// The report's period from the strongest evidence the document gives. The title states it in words ("quý III/2022"),
/// and the statistical forms state it twice over: "Kỳ báo cáo: Quý III/2022" and its dates "(Từ ngày 15/6/2022 đến
/// ngày 14/9/2022)". Where the words of such a line agree with its own dates, that line is two printed statements
/// against one, and on a scan the title's Roman numeral is the weakest of them (a stroke lost turns III into II).
/// Pure.
/// <list type="bullet">
/// <item>A report whose title gives no period (a web system's printout has no title at all) takes the stated one.</item>
/// <item>A digital report keeps its title's period: the title is the document's own word, and the checks compare the
/// tables' periods with the report's (table.period).</item>
/// <item>On a scan, a title quarter that is the stated quarter with strokes lost ("II" for "III"), or a title numeral
/// not legible at all (only its year read), gives way to the stated period, with a warning.</item>
/// <item>Any other disagreement on a scan is only flagged.</item>
/// </list>
/// </summary>
public static partial class StatedPeriod
{
    public static (ReportHeader Header, string? Warning) Reconcile(ReportHeader header, IReadOnlyList<Block> blocks, bool ocr)
    {
        if (Find(blocks) is not { } stated) return (header, null);
        var title = header.Period;
        // A scanned title whose quarter numeral is not legible ("Quý IH") gave no period: the form's line reads it, and
        // the period is the title's words as the digital original gives them (dated by the rule).
        if (title is null && ocr && PeriodParser.GarbledQuarter(header.Title) is { } g)
            return (header with { Period = RuleOf(stated.Period) ?? stated.Period },
                $"header: the title's quarter «{g.Printed}» is not legible (OCR); read from the form's «{stated.Printed}», which its own dates confirm");
        // Nothing disagrees: the form's line is the only statement of the period.
        if (title is null) return (header with { Period = stated.Period }, null);
        if (SamePeriod(title, stated.Period) || !ocr) return (header, null);
        var said = $"the title's {Describe(title)} differs from the form's «{stated.Printed}»";
        // The title's words, corrected: what the title says when read right (its own dates, if it printed a range, are
        // not the form's), so that the scan's record matches its digital original's.
        if (StrokesLost(header, title, stated.Period))
            return (header with { Period = title.Explicit ? stated.Period : RuleOf(stated.Period) ?? stated.Period },
                $"header: {said}; OCR may have lost a stroke of the title's numeral, so the form's period, which its own dates confirm, is taken");
        return (header, $"header: {said}; the title's is kept (check the scan)");
    }

    /// <summary>A period stated on a "Kỳ báo cáo:" line with its dates, when every such line of the document agrees.</summary>
    public sealed record Stated(Period Period, string Printed);

    /// <summary>
    /// Every "Kỳ báo cáo: …" line whose period words agree with an explicit range printed on it or right after it. Null
    /// when there is none, or when two lines state different periods (a report annexing another period's form):
    /// then no line is stronger than the title.
    /// </summary>
    public static Stated? Find(IReadOnlyList<Block> blocks)
    {
        var found = new List<Stated>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TextBlock tb) continue;
            var m = KyBaoCao().Match(VietText.Clean(tb.Text));
            if (!m.Success) continue;
            var value = m.Groups["v"].Value.Trim();
            var printed = value;
            if (PeriodParser.FindRange(value) is null)
            {
                // The range is often its own line, "(Từ ngày … đến ngày …)", right below: no table in between.
                for (var j = i + 1; j < Math.Min(blocks.Count, i + 3) && blocks[j] is TextBlock next; j++)
                {
                    var t = VietText.Clean(next.Text);
                    if (PeriodParser.FindRange(t) is null) continue;
                    if (value.Length == 0) value = t;
                    else value += " " + t;
                    printed = value;
                    break;
                }
            }
            if (PeriodParser.Parse(value) is not { Explicit: true, Kind: not "custom", Year: not null } period || !Consistent(period)) continue;
            found.Add(new Stated(period, VietText.Clean(printed)));
        }
        if (found.Count == 0) return null;
        return found.All(f => SamePeriod(f.Period, found[0].Period) && f.Period.From == found[0].Period.From && f.Period.To == found[0].Period.To)
            ? found[0] : null;
    }

    /// <summary>
    /// The words and the dates of a stated period say the same: the range ends within three weeks of where the rule of
    /// Nghị định 09/2019 ends the named period (agencies that report calendar periods end a few days later).
    /// </summary>
    private static bool Consistent(Period p)
    {
        if (RuleOf(p)?.To is not { } ruleTo || p.To is not { } to) return false;
        return Math.Abs(DateOnly.Parse(ruleTo, CultureInfo.InvariantCulture).DayNumber - DateOnly.Parse(to, CultureInfo.InvariantCulture).DayNumber) <= 21;
    }

    /// <summary>The period the words name, dated by the rule of Nghị định 09/2019 (Explicit false).</summary>
    private static Period? RuleOf(Period p) => (p.Kind, p.Year) switch
    {
        ("quarter", { } y) => PeriodParser.ForQuarter(y, p.Quarter!.Value),
        ("month", { } y) => PeriodParser.ForMonth(y, p.Month!.Value),
        ("half", { } y) => PeriodParser.ForHalf(y, p.Half!.Value),
        ("year", { } y) => PeriodParser.ForYear(y),
        _ => null,
    };

    private static bool SamePeriod(Period a, Period b) =>
        a.Kind == b.Kind && a.Year == b.Year && a.Quarter == b.Quarter && a.Month == b.Month && a.Half == b.Half;

    /// <summary>
    /// Whether the title's period can be the stated one misread: the same year, and a quarter numeral whose Roman
    /// strokes are a part of the stated one's (II read for III, I for II or IV), or a numeral not legible at all (the
    /// title gave the year alone while holding a garbled "Quý IH").
    /// </summary>
    private static bool StrokesLost(ReportHeader header, Period title, Period stated)
    {
        if (stated.Kind != "quarter" || title.Year != stated.Year) return false;
        if (title.Kind == "quarter" && title.Quarter is { } tq && stated.Quarter is { } sq)
            return IsSubsequence(Roman(tq), Roman(sq));
        return title.Kind == "year" && PeriodParser.GarbledQuarter(header.Title) is not null;
    }

    private static string Roman(int q) => q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    /// <summary>Whether <paramref name="part"/> is <paramref name="whole"/> with some characters left out (and not all kept).</summary>
    private static bool IsSubsequence(string part, string whole)
    {
        if (part.Length >= whole.Length) return false;
        var k = 0;
        foreach (var c in whole)
            if (k < part.Length && part[k] == c) k++;
        return k == part.Length;
    }

    private static string Describe(Period p) => p.Kind switch
    {
        "quarter" => $"quarter {p.Quarter} of {p.Year}",
        "month" => $"month {p.Month} of {p.Year}",
        "half" => $"half {p.Half} of {p.Year}",
        "year" => $"year {p.Year}",
        _ => $"period {p.From} to {p.To}",
    };

    [GeneratedRegex(@"^[-–+•\s]*Kỳ\s*báo\s*cáo\s*:(?<v>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KyBaoCao();
}
