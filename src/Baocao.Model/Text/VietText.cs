using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Baocao.Text;

/// <summary>Vietnamese text helpers: NFC everywhere, and a search/matching fold that drops tones and marks and maps đ to d.</summary>
public static partial class VietText
{
    /// <summary>
    /// NFC-normalises, drops control characters (a PDF's ToUnicode map may turn a glyph into U+0016; no report means
    /// one) and collapses runs of white space (including non-breaking spaces) to one space.
    /// </summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return string.Empty;
        if (AlreadyClean(s)) return s;
        if (s.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
            s = string.Concat(s.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c)));
        var nfc = s.Normalize(NormalizationForm.FormC);
        return Spaces().Replace(nfc, " ").Trim();
    }

    /// <summary>
    /// True when <see cref="Clean"/> would give <paramref name="s"/> back unchanged: no control character, no white space
    /// but single inner spaces, and only characters that NFC leaves alone whatever their neighbours — below U+0300 (no
    /// combining mark among them, so nothing composes) or in U+1E00–U+1EFF (the precomposed Vietnamese letters). Checked
    /// first because ICU's normalisation of every word was a tenth of a digital PDF's extraction (bench extract profile);
    /// anything else takes the full path.
    /// </summary>
    private static bool AlreadyClean(string s)
    {
        if (s[0] == ' ' || s[^1] == ' ') return false;
        var space = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                if (space) return false;
                space = true;
                continue;
            }
            space = false;
            if (c < 0x20 || (c >= 0x7F && c <= 0xA0)) return false; // controls (C0, DEL, C1) and the no-break space
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) return false;
        }
        return true;
    }

    /// <summary>
    /// Lower-case, diacritic-free form used for matching and search: "Đúng hạn" becomes "dung han".
    /// Unicode decomposition removes the tone and vowel marks but leaves đ/Đ alone (it is a separate letter,
    /// not a d with a combining mark), so it is mapped by hand, and so is its look-alike Ð.
    /// </summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return string.Empty;
        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch
            {
                // Ð/ð (U+00D0/U+00F0, the Icelandic eth) stand for Đ/đ in text converted from legacy encodings and
                // typed on some keyboards: they look the same, so search treats them the same.
                'đ' or 'Đ' or 'Ð' or 'ð' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>True when every letter is upper case and there are at least a few letters ("SỞ TƯ PHÁP").</summary>
    public static bool IsUpperText(string s)
    {
        int letters = 0;
        foreach (var ch in s)
        {
            if (!char.IsLetter(ch)) continue;
            if (char.IsLower(ch)) return false;
            letters++;
        }
        return letters >= 2;
    }

    [GeneratedRegex(@"[\s\u00A0\u2007\u202F]+")]
    private static partial Regex Spaces();
}
