using System.Text;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// The 63 provinces and centrally-run cities of Việt Nam as they stood before the 2025 mergers, which is the map every
/// report in the archive was written under.
/// <para>
/// Canonical names are the bare proper names, without "Tỉnh"/"Thành phố" ("Hà Nội", "Cần Thơ", "Trà Vinh"), so the
/// five centrally-run cities are named like the provinces; Hồ Chí Minh City is therefore "Hồ Chí Minh" (its agencies print
/// "UBND THÀNH PHỐ HỒ CHÍ MINH" or "TP. Hồ Chí Minh", and both prefixes are stripped). Names with a hyphen keep it with
/// spaces as officially written ("Bà Rịa - Vũng Tàu"); tone marks follow the official spelling ("Khánh Hòa", "Thanh Hóa").
/// </para>
/// Matching is on folded text (no tones, đ to d, punctuation as space), so "TRÀ VINH", "Trà Vinh", "Thanh Hoá" and
/// "Bà Rịa-Vũng Tàu" all find their province.
/// </summary>
public static class Provinces
{
    /// <summary>Canonical names, alphabetical by folded name.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
        "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
        "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
        "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
        "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
        "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
        "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ];

    // Spellings seen in print besides the canonical one. Only unambiguous forms: "Huế" alone is a city inside
    // Thừa Thiên Huế but also a word in other names, so it is deliberately not an alias.
    private static readonly (string Alias, string Canonical)[] Aliases =
    [
        ("Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("TT Huế", "Thừa Thiên Huế"),
        ("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("HCM", "Hồ Chí Minh"),
        ("HCMC", "Hồ Chí Minh"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Đắk Lắc", "Đắk Lắk"),
        ("Daklak", "Đắk Lắk"),
        ("Đắc Nông", "Đắk Nông"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("Kontum", "Kon Tum"),
    ];

    private static readonly Dictionary<string, string> ByKey = BuildIndex();

    /// <summary>The longest alias or name, in words: bounds the look-ahead when matching names inside running text.</summary>
    private static readonly int MaxWords = ByKey.Keys.Max(k => k.Split(' ').Length);

    private static Dictionary<string, string> BuildIndex()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in All) map[Key(name)] = name;
        foreach (var (alias, canonical) in Aliases) map[Key(alias)] = canonical;
        return map;
    }

    /// <summary>
    /// The matching key: folded, with every character that is not a letter or digit turned into a space, so hyphens,
    /// dots and dash variants never matter ("Bà Rịa – Vũng Tàu" and "BÀ RỊA-VŨNG TÀU" share a key).
    /// </summary>
    public static string Key(string? text)
    {
        var folded = VietText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded) sb.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return VietText.Clean(sb.ToString());
    }

    /// <summary>
    /// The canonical name for a whole name, with an optional leading "tỉnh", "thành phố" or "TP." ("TP. Hồ Chí Minh",
    /// "TỈNH TRÀ VINH", "Cần Thơ"); null when it is not one of the 63.
    /// </summary>
    public static string? Lookup(string? name)
    {
        var key = Key(name);
        foreach (var prefix in PrefixKeys)
        {
            if (key.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                key = key[(prefix.Length + 1)..];
                break;
            }
        }
        return ByKey.GetValueOrDefault(key);
    }

    private static readonly string[] PrefixKeys = ["thanh pho", "tinh", "tp"];

    /// <summary>
    /// Finds the first "tỉnh X" / "thành phố X" / "TP. X" in running text whose X is a province name, matching the
    /// longest name that the words after the prefix spell ("tỉnh Trà Vinh năm 2021" gives "Trà Vinh"). The prefix is
    /// compared with its tone marks, because folding would also turn "tính" (to count) into "tinh".
    /// </summary>
    public static string? FindAfterPrefix(string? text)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            int start;
            var w = words[i].Lower;
            if (w is "tỉnh" or "tp") start = i + 1;
            else if (w == "thành" && i + 1 < words.Count && words[i + 1].Lower == "phố") start = i + 2;
            else continue;
            if (MatchAt(words, start) is { } found) return found;
        }
        return null;
    }

    /// <summary>The longest province name spelled by the words starting at <paramref name="start"/>, else null.</summary>
    private static string? MatchAt(IReadOnlyList<(string Lower, string Key)> words, int start)
    {
        for (var n = Math.Min(MaxWords, words.Count - start); n >= 1; n--)
        {
            var key = string.Join(' ', Enumerable.Range(start, n).Select(k => words[k].Key));
            if (ByKey.TryGetValue(key, out var name)) return name;
        }
        return null;
    }

    /// <summary>Splits text into words on anything that is not a letter or digit, keeping the lower-case NFC form and the key.</summary>
    private static List<(string Lower, string Key)> Words(string? text)
    {
        var list = new List<(string, string)>();
        var clean = VietText.Clean(text);
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length == 0) return;
            var w = sb.ToString();
            list.Add((w.ToLowerInvariant(), Key(w)));
            sb.Clear();
        }
        foreach (var ch in clean)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else Flush();
        }
        Flush();
        return list;
    }
}
