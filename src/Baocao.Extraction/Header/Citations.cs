using System.Text.RegularExpressions;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// Finds what a report cites: legal documents that carry a year ("61/2018/NĐ-CP") and attached statistical form codes
/// ("Biểu số II.06a/VPCP/KSTT"). Both lists keep the order of first appearance and hold no duplicates.
/// </summary>
public static partial class Citations
{
    /// <summary>
    /// Cited legal documents: number/year/symbol ("61/2018/NĐ-CP", "45/2016/QĐ-TTg", "80/2015/QH13"). Numbers without a
    /// year ("71/QĐ-UBND") are administrative letters and decisions, not regulations, and are left out, as is
    /// <paramref name="ownNumber"/> (the report's own number).
    /// </summary>
    public static IReadOnlyList<string> FindReferences(IEnumerable<string> texts, string? ownNumber = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var raw in texts)
        {
            foreach (Match m in Reference().Matches(VietText.Clean(raw)))
            {
                var value = m.Value;
                if (value == ownNumber) continue;
                if (seen.Add(value)) list.Add(value);
            }
        }
        return list;
    }

    /// <summary>
    /// Attached form codes as printed: "II.06a" (Thông tư 01/2020/TT-VPCP), "06a" (Thông tư 02/2017/TT-VPCP),
    /// "II.08". A code counts after "biểu (mẫu) số" or "phụ lục", or when "/VPCP" or ".VPCP" follows it. After
    /// "phụ lục" a plain two-digit number ("Phụ lục 01") is an agency's own annex, not a form, so it needs a roman
    /// prefix, a letter or the VPCP suffix; roman-only annexes ("Phụ lục I") never match.
    /// A list continues an anchor: "biểu số II.05a, II.06a và II.08". "đại biểu", "tiêu biểu" are not anchors.
    /// </summary>
    public static IReadOnlyList<string> FindForms(IEnumerable<string> texts)
    {
        var found = new List<(int Index, string Code)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var raw in texts)
        {
            var text = VietText.Clean(raw);
            found.Clear();
            foreach (Match m in AnchoredForms().Matches(text))
            {
                var byAnnex = m.Groups["annex"].Success;
                foreach (Capture c in m.Groups["code"].Captures)
                {
                    if (byAnnex && !IsFormLike(text, c)) continue;
                    found.Add((c.Index, c.Value));
                }
            }
            foreach (Match m in SuffixedForm().Matches(text)) found.Add((m.Groups["code"].Index, m.Groups["code"].Value));
            foreach (var (_, printed) in found.OrderBy(f => f.Index))
                if (WithRomanPrefix(printed) is var code && seen.Add(code)) list.Add(code);
        }
        return list;
    }

    private static bool IsFormLike(string text, Capture c)
    {
        if (c.Value.Contains('.') || char.IsLetter(c.Value[^1])) return true;
        return VpcpAfter().IsMatch(text.AsSpan(c.Index + c.Length));
    }

    // number / year / symbol parts. A part is capitals and digits, optionally ending in one or two lower-case letters
    // when the word ends there ("TTg"); otherwise lower case is the next word glued on ("43/2018/QĐ-UBNDngày").
    [GeneratedRegex(@"(?<![0-9/.])[0-9]{1,4}/(?:19|20)[0-9]{2}/(?:[A-ZĐ][A-ZĐ0-9]*(?:[a-zđ]{1,2}(?![\p{L}]))?)(?:-[A-ZĐ][A-ZĐ0-9]*(?:[a-zđ]{1,2}(?![\p{L}]))?)*")]
    private static partial Regex Reference();

    // A form code: an optional roman prefix ("II."), two digits, an optional letter, and nothing word-like after it.
    // The prefix may come from OCR as strokes: "H" (two I's joined), "I1", "Il" (WithRomanPrefix reads them back).
    private const string Code = @"(?:(?:IV|I{1,3}|H|IH|HI|I[1l]|[1l]I)\.\s?)?[0-9]{2}[a-e]?(?![\p{L}0-9])";

    /// <summary>
    /// A code's roman prefix as printed when OCR read its strokes as other letters ("H.07b", "I1.06a" for II), written
    /// back as I's (<see cref="RomanStrokes"/>). Only these prefixes reach here, and II and III are the regime's prefixes.
    /// </summary>
    private static string WithRomanPrefix(string code)
    {
        var dot = code.IndexOf('.');
        if (dot <= 0 || code[..dot] is "I" or "II" or "III" or "IV") return code;
        return new string('I', RomanStrokes.Count(code[..dot])) + code[dot..];
    }

    [GeneratedRegex(@"(?:(?<!(?:đại|tiêu|phát|niêm)\s+)\bbiểu(?:\s*mẫu)?(?:\s*số)?|(?<annex>\bphụ\s*lục(?:\s*số)?))\s*:?\s*(?<code>" + Code + @")(?:\s*(?:,|;|và|\+)\s*(?:biểu(?:\s*mẫu)?(?:\s*số)?\s*)?(?<code>" + Code + "))*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredForms();

    [GeneratedRegex(@"(?<![\p{L}0-9.])(?<code>" + Code + @")\s*[./]\s*VPCP", RegexOptions.CultureInvariant)]
    private static partial Regex SuffixedForm();

    [GeneratedRegex(@"^\s*[./]\s*VPCP")]
    private static partial Regex VpcpAfter();
}
