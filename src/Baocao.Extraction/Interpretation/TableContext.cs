using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Mapping;
using Baocao.Reports;
using Baocao.Text;

namespace Baocao.Interpretation;

/// <summary>
/// Reads the caption above each table ("Biểu số II.06a/VPCP/KSTT", title, "Kỳ báo cáo", "(Từ ngày … đến ngày …)",
/// "Đơn vị báo cáo", "Đơn vị nhận báo cáo", "Đơn vị tính", a section heading). It walks back from the table over
/// caption-like lines only, so the report's own body is never mistaken for a caption. A table with no caption of
/// its own (the second table of form II.07b) inherits the previous table's, with its own section heading.
/// </summary>
public static partial class TableContextReader
{
    public delegate Period? PeriodParse(string periodText, string? rangeText);

    public static IReadOnlyList<TableContext> Read(IReadOnlyList<Block> blocks, PeriodParse parsePeriod)
    {
        var result = new List<TableContext>();
        TableContext? previous = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TableBlock) continue;
            var caption = CaptionLines(blocks, i);
            var ctx = Interpret(caption, parsePeriod);
            var hasOwn = ctx.Form is not null || ctx.Title is not null;
            if (!hasOwn && previous is not null)
                ctx = previous with { Section = ctx.Section };
            result.Add(ctx);
            previous = ctx;
        }
        return result;
    }

    /// <summary>The caption-like text lines right above block <paramref name="tableIndex"/>, top to bottom.</summary>
    private static List<string> CaptionLines(IReadOnlyList<Block> blocks, int tableIndex)
    {
        var lines = new List<string>();
        var openParen = false;
        for (var j = tableIndex - 1; j >= 0 && lines.Count < 20; j--)
        {
            if (blocks[j] is not TextBlock tb) break;
            var t = tb.Text;
            if (!t.Any(char.IsLetterOrDigit)) continue; // a list dash OCR read apart from its line
            var prevEndsWithColon = PreviousText(blocks, j)?.TrimEnd().EndsWith(':') == true;
            var closesParen = t.TrimEnd().EndsWith(')') && !t.Contains('(');
            if (openParen || closesParen || prevEndsWithColon || IsCaptionLike(t))
            {
                lines.Insert(0, t);
                if (closesParen) openParen = true;
                if (t.Contains('(')) openParen = false;
                if (Caption().IsMatch(t)) break; // the caption starts here
                continue;
            }
            break;
        }
        return lines;
    }

    private static string? PreviousText(IReadOnlyList<Block> blocks, int j)
    {
        for (var k = j - 1; k >= 0; k--)
        {
            if (blocks[k] is not TextBlock p) return null;
            if (p.Text.Any(char.IsLetterOrDigit)) return p.Text;
        }
        return null;
    }

    private static bool IsCaptionLike(string t) =>
        Caption().IsMatch(t) || Appendix().IsMatch(t) || Section().IsMatch(t) || Labelled().IsMatch(t) ||
        Range().IsMatch(t) || t.StartsWith('(') || (VietText.IsUpperText(t) && !t.Contains("CỘNG HÒA") && !t.Contains("CỘNG HOÀ"));

    private static TableContext Interpret(List<string> lines, PeriodParse parsePeriod)
    {
        string? form = null, title = null, section = null, unit = null, reporting = null, receiving = null;
        string? periodText = null, rangeText = null;
        var titleLines = new List<string>();
        var titleDone = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i];
            string ValueOf(Match m) =>
                VietText.Clean(m.Groups["v"].Value) is { Length: > 0 } v ? v
                : i + 1 < lines.Count ? VietText.Clean(lines[++i]) : "";

            if (Caption().Match(t) is { Success: true } cm)
            {
                // Form codes of TT 01/2020 all carry "II."; OCR reads it as "I.", "Il." or "11." at times. The code is
                // a name from a closed list, so it is written in its one valid form.
                form = (cm.Groups["pre"].Success ? "II." : "") + cm.Groups["code"].Value;
                continue;
            }
            if (Appendix().IsMatch(t)) continue;
            if (Labelled().Match(t) is { Success: true } lm)
            {
                titleDone = titleLines.Count > 0;
                var label = VietText.Fold(lm.Groups["label"].Value);
                var value = ValueOf(lm);
                if (label.StartsWith("ky bao cao", StringComparison.Ordinal))
                {
                    periodText = value;
                    if (Range().IsMatch(value)) rangeText = value;
                }
                else if (label.StartsWith("don vi tinh", StringComparison.Ordinal)) unit = value.TrimEnd('.', ' ');
                else if (label.StartsWith("don vi nhan", StringComparison.Ordinal)) receiving = value.TrimEnd('.', ';', ' ');
                else if (label.StartsWith("don vi bao cao", StringComparison.Ordinal)) reporting = value.TrimEnd('.', ';', ' ');
                continue;
            }
            if (Range().IsMatch(t)) { rangeText ??= t; titleDone = titleLines.Count > 0; continue; }
            if (Section().IsMatch(t))
            {
                // A section heading, with its wrapped upper-case continuation lines.
                section = t;
                while (i + 1 < lines.Count && VietText.IsUpperText(lines[i + 1]) && !Section().IsMatch(lines[i + 1]) && !Labelled().IsMatch(lines[i + 1]))
                    section = VietText.Clean(section + " " + lines[++i]);
                titleDone = titleLines.Count > 0;
                continue;
            }
            if (t.StartsWith('(')) { titleDone = titleLines.Count > 0; continue; }
            if (!titleDone && VietText.IsUpperText(t)) titleLines.Add(t);
        }
        if (titleLines.Count > 0) title = VietText.Clean(string.Join(" ", titleLines));
        // A caption with only a range ("(TỪ NGÀY 01/10/2019 ĐẾN 15/10/2019)") names its period in the title.
        Period? period = periodText is not null || rangeText is not null ? parsePeriod(periodText ?? title ?? "", rangeText) : null;
        return new TableContext(form, title, section, unit, period, reporting, receiving);
    }

    // "Biểu số II.06a/VPCP/KSTT", "Biểu số 06a/VPCP/KSTT" (2017 circular), "Phụ lục 06b.VPCP.KSTTHC".
    [GeneratedRegex(@"^(Biểu|BIỂU|Phụ lục|PHỤ LỤC)\s*(số|SỐ)?\s*:?\s*(?<pre>[IlL1|]{1,2}\.\s*)?(?<code>\d{2}[a-cA-C]?)\s*[/.]\s*VPCP", RegexOptions.CultureInvariant)]
    private static partial Regex Caption();

    [GeneratedRegex(@"^(Phụ lục|PHỤ LỤC)\b")]
    private static partial Regex Appendix();

    [GeneratedRegex(@"^([IVX]{1,4}|[A-Z]|\d{1,2})\.\s+\S")]
    private static partial Regex Section();

    [GeneratedRegex(@"^[-–+\s]*(?<label>Kỳ báo cáo|Đơn vị tính|Đơn vị nhận báo cáo|Đơn vị báo cáo)\s*:(?<v>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"(?i)\(?\s*từ\s+(ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s+đến", RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}
