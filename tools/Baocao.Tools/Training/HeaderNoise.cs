using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Baocao.Mapping;

namespace Baocao.Tools.Training;

/// <summary>
/// The ways a printed heading differs from the catalog's wording, for generating labelled variants: abbreviations,
/// swapped word order, dropped diacritics, case, words broken by narrow PDF cells, and OCR-like character noise.
/// Every function draws from the given <see cref="Random"/> only, so a fixed seed gives the same variants.
/// </summary>
public static class HeaderNoise
{
    /// <summary>"Số lượng thủ tục hành chính" → "SL TTHC": each listed phrase is shortened with probability <paramref name="p"/>.</summary>
    public static string Abbreviate(string text, IReadOnlyList<(string Long, string Short)> abbreviations, Random rng, double p = 0.7)
    {
        foreach (var (lng, shrt) in abbreviations)
        {
            if (text.IndexOf(lng, StringComparison.OrdinalIgnoreCase) < 0) continue;
            text = Regex.Replace(text, Regex.Escape(lng), m => rng.NextDouble() < p ? shrt : m.Value, RegexOptions.IgnoreCase);
        }
        return text;
    }

    /// <summary>"Trực tiếp, dịch vụ bưu chính" → "Dịch vụ bưu chính, trực tiếp": the two parts of a list swap.</summary>
    public static string SwapParts(string text)
    {
        foreach (var sep in new[] { ", ", " và ", " hoặc ", "/" })
        {
            var at = text.IndexOf(sep, StringComparison.Ordinal);
            if (at <= 0 || at + sep.Length >= text.Length) continue;
            var (a, b) = (text[..at], text[(at + sep.Length)..]);
            return Capitalise(b) + sep + Decapitalise(a);
        }
        return text;
    }

    /// <summary>Tone and vowel marks removed, đ → d, case kept: what a font without Vietnamese glyphs leaves.</summary>
    public static string DropDiacritics(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch { 'đ' => 'd', 'Đ' => 'D', _ => ch });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Spaces inside words ("Trự c tuy ến"), as pdftotext gives for a narrow cell.</summary>
    public static string BreakWords(string text, Random rng, double p = 0.35)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length < 4 || rng.NextDouble() >= p) continue;
            var at = 1 + rng.Next(w.Length - 2);
            words[i] = w[..at] + " " + w[at..];
        }
        return string.Join(' ', words);
    }

    private static readonly Dictionary<char, string> Confusable = new()
    {
        ['l'] = "1Ii", ['i'] = "l1í", ['I'] = "l1", ['o'] = "0ôơc", ['O'] = "0Q", ['0'] = "O", ['c'] = "eo", ['e'] = "cé",
        ['n'] = "ur", ['u'] = "nư", ['h'] = "bn", ['m'] = "n", ['t'] = "lf", ['g'] = "q9", ['a'] = "ăâo", ['ư'] = "u",
        ['ơ'] = "o", ['đ'] = "d", ['Đ'] = "D", ['s'] = "5", ['S'] = "5", ['T'] = "I", ['y'] = "v", ['v'] = "y", ['r'] = "n",
    };

    /// <summary>OCR-like slips at rate <paramref name="rate"/> per letter: a confusable letter, a lost or doubled letter, a stray or lost space.</summary>
    public static string OcrNoise(string text, Random rng, double rate)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (rng.NextDouble() >= rate) { sb.Append(ch); continue; }
            switch (rng.Next(5))
            {
                case 0 or 1 when Confusable.TryGetValue(ch, out var alts):
                    sb.Append(alts[rng.Next(alts.Length)]);
                    break;
                case 2: break; // lost
                case 3: sb.Append(ch).Append(ch == ' ' ? "" : " "); break;
                default:
                    if (ch != ' ') sb.Append(ch).Append(ch);
                    break;
            }
        }
        return Regex.Replace(sb.ToString(), @"\s+", " ").Trim();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];

    private static string Decapitalise(string s) =>
        s.Length < 2 || char.IsUpper(s[1]) ? s : char.ToLower(s[0], CultureInfo.InvariantCulture) + s[1..];
}
