using System.Text;

namespace Baocao.Text;

/// <summary>The pre-Unicode Vietnamese encodings found in archives.</summary>
public enum LegacyEncoding
{
    None,

    /// <summary>TCVN3 (ABC, TCVN 5712 VN3): one byte per letter, fonts ".VnTime", ".VnArial" (".VnTimeH": upper case).</summary>
    Tcvn3,

    /// <summary>VNI Windows: a base letter followed by a separate mark byte, fonts "VNI-Times", "VNI-Helve".</summary>
    Vni,
}

/// <summary>
/// Detects and converts text typed in pre-Unicode Vietnamese fonts (DOMAIN.md, "Text encodings in archives"). Word and
/// PDF text layers hold such text as the Windows-1252 / Latin-1 characters of the font's bytes ("Ninh B×nh",
/// "B¶o Th¾ng" for TCVN3; "Thaéng" for VNI), so the conversion works on those characters. Pure.
/// No library on the NuGet mirror converts these encodings, hence the tables here (from TCVN 5712:1993 and the VNI
/// Windows code chart).
/// </summary>
public static class LegacyVietnamese
{
    // TCVN3 lower-case letters and the seven upper-case base letters, as the Latin-1 characters of their bytes.
    private const string Tcvn3Chars =
        "\u00B5\u00B8\u00B6\u00B7\u00B9" + // à á ả ã ạ
        "\u00A8\u00BB\u00BE\u00BC\u00BD\u00C6" + // ă ằ ắ ẳ ẵ ặ
        "\u00A9\u00C7\u00CA\u00C8\u00C9\u00CB" + // â ầ ấ ẩ ẫ ậ
        "\u00AE\u00CC\u00D0\u00CE\u00CF\u00D1" + // đ è é ẻ ẽ ẹ
        "\u00AA\u00D2\u00D5\u00D3\u00D4\u00D6" + // ê ề ế ể ễ ệ
        "\u00D7\u00DD\u00D8\u00DC\u00DE" + //       ì í ỉ ĩ ị
        "\u00DF\u00E3\u00E1\u00E2\u00E4" + //       ò ó ỏ õ ọ
        "\u00AB\u00E5\u00E8\u00E6\u00E7\u00E9" + // ô ồ ố ổ ỗ ộ
        "\u00AC\u00EA\u00ED\u00EB\u00EC\u00EE" + // ơ ờ ớ ở ỡ ợ
        "\u00EF\u00F3\u00F1\u00F2\u00F4" + //       ù ú ủ ũ ụ
        "\u00AD\u00F5\u00F8\u00F6\u00F7\u00F9" + // ư ừ ứ ử ữ ự (ư is the soft-hyphen byte: never strip it)
        "\u00FA\u00FD\u00FB\u00FC\u00FE" + //       ỳ ý ỷ ỹ ỵ
        "\u00A1\u00A2\u00A7\u00A3\u00A4\u00A5\u00A6"; // Ă Â Đ Ê Ô Ơ Ư

    private const string UnicodeChars =
        "àáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "đèéẻẽẹ" + "êềếểễệ" + "ìíỉĩị" + "òóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "ùúủũụ" + "ưừứửữự" + "ỳýỷỹỵ" + "ĂÂĐÊÔƠƯ";

    private static readonly Dictionary<char, char> Tcvn3Map = Tcvn3Chars.Zip(UnicodeChars).ToDictionary(p => p.First, p => p.Second);

    /// <summary>
    /// The characters only TCVN3 text holds: the bytes 0xA1-0xBE (never letters in Unicode Vietnamese text, and unused
    /// by VNI). They are TCVN3's strongest statistical evidence.
    /// </summary>
    private static bool IsTcvn3Marker(char c) => c is >= '\u00A1' and <= '\u00BE' && Tcvn3Map.ContainsKey(c);

    // VNI: a letter's marks follow it as separate characters. Each mark character is a combination of combining marks.
    private static readonly Dictionary<char, string> VniMarks = new()
    {
        ['ù'] = "\u0301", ['ø'] = "\u0300", ['û'] = "\u0309", ['õ'] = "\u0303", ['ï'] = "\u0323",
        ['â'] = "\u0302", ['á'] = "\u0302\u0301", ['à'] = "\u0302\u0300", ['å'] = "\u0302\u0309", ['ã'] = "\u0302\u0303", ['ä'] = "\u0302\u0323",
        ['ê'] = "\u0306", ['é'] = "\u0306\u0301", ['è'] = "\u0306\u0300", ['ú'] = "\u0306\u0309", ['ü'] = "\u0306\u0303", ['ë'] = "\u0306\u0323",
        ['Ù'] = "\u0301", ['Ø'] = "\u0300", ['Û'] = "\u0309", ['Õ'] = "\u0303", ['Ï'] = "\u0323",
        ['Â'] = "\u0302", ['Á'] = "\u0302\u0301", ['À'] = "\u0302\u0300", ['Å'] = "\u0302\u0309", ['Ã'] = "\u0302\u0303", ['Ä'] = "\u0302\u0323",
        ['Ê'] = "\u0306", ['É'] = "\u0306\u0301", ['È'] = "\u0306\u0300", ['Ú'] = "\u0306\u0309", ['Ü'] = "\u0306\u0303", ['Ë'] = "\u0306\u0323",
    };

    // VNI letters that are one character of their own.
    private static readonly Dictionary<char, char> VniLetters = new()
    {
        ['ô'] = 'ơ', ['ö'] = 'ư', ['ñ'] = 'đ', ['í'] = 'í', ['ì'] = 'ì', ['æ'] = 'ỉ', ['ó'] = 'ĩ', ['ò'] = 'ị', ['î'] = 'ỵ',
        ['Ô'] = 'Ơ', ['Ö'] = 'Ư', ['Ñ'] = 'Đ', ['Í'] = 'Í', ['Ì'] = 'Ì', ['Æ'] = 'Ỉ', ['Ó'] = 'Ĩ', ['Ò'] = 'Ị', ['Î'] = 'Ỵ',
    };

    /// <summary>
    /// VNI characters that are no Vietnamese letter in Unicode (ø û ï ë ü å ä for marks, ñ for đ, ö for ư, æ î for ỉ ỵ):
    /// its statistical evidence. "à", "á", "â" are VNI marks too, but Unicode text has them ("hoàn", "xuân"), so they prove nothing.
    /// </summary>
    private const string VniOnly = "øûïëüåäñöæîØÛÏËÜÅÄÑÖÆÎ";

    private static bool IsVniBase(char c) => "aeouyAEOUYôöÔÖ".Contains(c);

    /// <summary>
    /// The encoding a font name announces: ".VnTime", ".VnArialH", "VnTimeH,Bold" (PDF), "ABCDEF+.VnTime" (a PDF
    /// subset) are TCVN3; "VNI-Times", "VNI-Helve-Condense" are VNI. Other fonts announce nothing.
    /// </summary>
    public static LegacyEncoding FromFontName(string? font)
    {
        if (string.IsNullOrWhiteSpace(font)) return LegacyEncoding.None;
        var name = StripSubset(font.Trim());
        if (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase))
            return LegacyEncoding.Vni;
        // ".VnTime" in Word; PDF producers often drop the dot ("VnTime"). Case matters: "VNI" and "Vnexpress" are not TCVN3.
        var n = name.StartsWith('.') ? name[1..] : name;
        if (n.Length > 2 && n.StartsWith("Vn", StringComparison.Ordinal) && char.IsUpper(n[2])) return LegacyEncoding.Tcvn3;
        return LegacyEncoding.None;
    }

    /// <summary>TCVN3's upper-case fonts (".VnTimeH", ".VnArial NarrowH", "VnTimeH,Bold") reuse the lower-case codes: case lives in the name.</summary>
    public static bool IsUpperCaseFont(string? font)
    {
        if (FromFontName(font) != LegacyEncoding.Tcvn3) return false;
        var name = StripSubset(font!.Trim());
        var cut = name.IndexOfAny([',', '-']);
        if (cut > 0) name = name[..cut];
        return name.EndsWith('H');
    }

    private static string StripSubset(string name)
    {
        var plus = name.IndexOf('+');
        return plus == 6 ? name[7..] : name;
    }

    /// <summary>
    /// The encoding that text clearly is, by its characters, when no font name says so: None unless the evidence is
    /// strong. Text holding any letter only Unicode Vietnamese has (ă, ơ, ư, đ, ạ…ỹ) is Unicode. TCVN3 needs at least
    /// <paramref name="minHits"/> of its marker characters (bytes 0xA1-0xBE: ¸ µ ¶ × ¾ …) inside words, and a marker
    /// in at least a fifth of the words that have non-ASCII letters; VNI needs as many of its characters that no
    /// Vietnamese letter is (ø û ï ë ü å ä ñ ö æ î: "haønh", "quaû", "ñaõ") inside words, on the same share.
    /// </summary>
    public static LegacyEncoding Detect(string text, int minHits = 3)
    {
        if (string.IsNullOrEmpty(text)) return LegacyEncoding.None;
        foreach (var c in text)
            if (IsUnicodeVietnameseLetter(c)) return LegacyEncoding.None;
        int tcvnHits = 0, vniHits = 0, tcvnWords = 0, vniWords = 0, accented = 0;
        foreach (var word in text.Split([' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Any(c => c > '\u007F')) continue;
            accented++;
            int t = 0, v = 0;
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                // A marker between letters (or after one): "B×nh", "Th¾ng", "ng­êi"; a lone "§" or "©" is a symbol.
                var inWord = (i > 0 && char.IsLetter(word[i - 1])) || (i + 1 < word.Length && char.IsLetter(word[i + 1]));
                if (IsTcvn3Marker(c) && inWord) t++;
                if (VniOnly.Contains(c) && inWord) v++;
            }
            tcvnHits += t;
            vniHits += v;
            if (t > 0) tcvnWords++;
            if (v > 0) vniWords++;
        }
        if (tcvnHits >= minHits && tcvnWords * 5 >= accented) return LegacyEncoding.Tcvn3;
        if (vniHits >= minHits && vniWords * 5 >= accented) return LegacyEncoding.Vni;
        return LegacyEncoding.None;
    }

    /// <summary>True when the text holds a letter only Unicode Vietnamese has (so it is Unicode, whatever its font says).</summary>
    public static bool HasUnicodeVietnamese(string text) => text.Any(IsUnicodeVietnameseLetter);

    /// <summary>Letters that exist only in Unicode Vietnamese (never among the Latin-1 characters of a legacy font's bytes).</summary>
    private static bool IsUnicodeVietnameseLetter(char c) =>
        c is 'ă' or 'Ă' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or 'đ' or 'Đ' or 'ĩ' or 'Ĩ' or 'ũ' or 'Ũ' or (>= '\u1EA0' and <= '\u1EF9');

    /// <summary>Converts legacy-encoded text to Unicode NFC; <paramref name="upperCase"/> for TCVN3's upper-case fonts.</summary>
    public static string ToUnicode(string text, LegacyEncoding encoding, bool upperCase = false)
    {
        if (encoding == LegacyEncoding.None || string.IsNullOrEmpty(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        if (encoding == LegacyEncoding.Tcvn3)
        {
            foreach (var c in text) sb.Append(Tcvn3Map.TryGetValue(c, out var u) ? u : c);
        }
        else
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (IsVniBase(c) && i + 1 < text.Length && VniMarks.TryGetValue(text[i + 1], out var marks))
                {
                    // ơ and ư are letters of their own in VNI (ô, ö), and take tone marks after them.
                    sb.Append(VniLetters.TryGetValue(c, out var l) ? l : c).Append(marks);
                    i++;
                }
                else sb.Append(VniLetters.TryGetValue(c, out var l) ? l : c);
            }
        }
        var s = sb.ToString().Normalize(NormalizationForm.FormC);
        return upperCase ? s.ToUpperInvariant() : s;
    }

    /// <summary>The text in Unicode: converted when <see cref="Detect"/> finds it clearly legacy-encoded, else unchanged.</summary>
    public static string Repair(string text, int minHits = 3)
    {
        var enc = Detect(text, minHits);
        return enc == LegacyEncoding.None ? text : ToUnicode(text, enc);
    }
}
