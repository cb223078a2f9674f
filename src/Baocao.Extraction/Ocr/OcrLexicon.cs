using System.Text;
using Baocao.Text;

namespace Baocao.Ocr;

/// <summary>
/// Restores the tone marks of OCR'd text cells from a list of known phrases. Tesseract's Vietnamese models drop or
/// confuse marks on clean print, the dot below most of all ("xây dưng" for "xây dựng", "tai" for "tại", "TÔNG CỘNG" for
/// "TỔNG CỘNG"). A run of two or more words (or a whole one-word cell) whose letters equal a known phrase once marks are
/// folded away takes the phrase's marks, letter for letter, keeping the OCR's case. Nothing else changes: a word alone
/// inside a longer cell is left as read ("tai" and "tại" are both words), a folded form that two known phrases share is
/// never restored, and figures never pass through here.
/// <para>
/// The phrases are domain vocabulary, not the corpus, passed in as data: the pipeline gives the canonical field and
/// agency lists (the mapping stage's NameNormalizer.PrintedForms, a later stage this one does not name) with the
/// headings and labels every form prints (<see cref="FormWords"/>).
/// A spelling checker for Vietnamese (Hunspell's vi_VN dictionary, or a language model) would do more, but no such
/// library is in the NuGet mirror we can reach, and a word list alone cannot choose between two valid syllables.
/// </para>
/// </summary>
public sealed class OcrLexicon
{
    /// <summary>Headings and labels the statistical forms print (TT 01/2020 and TT 02/2017).</summary>
    public static readonly IReadOnlyList<string> FormWords =
    [
        "Tổng cộng", "Tổng số", "Số lượng hồ sơ", "Số hồ sơ", "Trong kỳ", "Từ kỳ trước", "Trực tuyến",
        "Trực tiếp, dịch vụ bưu chính", "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Còn hạn", "Lĩnh vực giải quyết",
        "Lĩnh vực", "Kết quả giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết", "Số lượng hồ sơ đã giải quyết",
        "Số lượng hồ sơ đang giải quyết", "Số lượng hồ sơ tiếp nhận", "Số mới tiếp nhận", "Đơn vị", "Ghi chú", "Việt Nam",
        "Ủy ban nhân dân", "Thủ tục hành chính", "Dịch vụ công trực tuyến", "mức độ",
    ];

    /// <summary>The form words alone: the lexicon of a reader given none (the pipeline adds the canonical names).</summary>
    public static OcrLexicon Forms { get; } = new(FormWords);

    /// <summary>
    /// The titles a report's signer prints (Nghị định 30/2020/NĐ-CP on administrative documents, and the offices of
    /// provincial and district bodies): upper case, where Tesseract drops the most marks ("PHO CHU TỊCH").
    /// </summary>
    public static readonly IReadOnlyList<string> SignerTitleWords =
    [
        "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "CHI CỤC TRƯỞNG",
        "PHÓ CHI CỤC TRƯỞNG", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "VỤ TRƯỞNG", "PHÓ VỤ TRƯỞNG",
        "GIÁM ĐỐC TRUNG TÂM", "PHÓ GIÁM ĐỐC TRUNG TÂM", "ỦY BAN NHÂN DÂN", "VĂN PHÒNG",
    ];

    /// <summary>The signer titles alone: a title line is read against these, never against field names.</summary>
    public static OcrLexicon SignerTitles { get; } = new(SignerTitleWords);

    // Folded phrase → its printed spelling; null when two spellings fold alike (ambiguous: never restored).
    private readonly Dictionary<string, string?> _byFold = new(StringComparer.Ordinal);
    private readonly int _maxWords;

    public OcrLexicon(IEnumerable<string> phrases)
    {
        foreach (var raw in phrases)
        {
            var phrase = VietText.Clean(raw);
            if (phrase.Length == 0 || !SameLength(phrase)) continue;
            var key = FoldChars(phrase);
            if (_byFold.TryGetValue(key, out var known)) { if (known is not null && known != phrase) _byFold[key] = null; }
            else _byFold[key] = phrase;
            _maxWords = Math.Max(_maxWords, phrase.Split(' ').Length);
        }
    }

    /// <summary>The text with its known phrases' marks restored; the same text when none applies.</summary>
    public string Restore(string text)
    {
        text = VietText.Clean(text);
        if (text.Length == 0 || !SameLength(text)) return text;
        var words = text.Split(' ');
        // Character offset of each word in text.
        var starts = new int[words.Length];
        for (int i = 1; i < words.Length; i++) starts[i] = starts[i - 1] + words[i - 1].Length + 1;
        var folded = FoldChars(text);   // one character per character, so a window of text is the same window of folded
        var chars = text.ToCharArray();
        var changed = false;
        for (var i = 0; i < words.Length;)
        {
            var matched = 0;
            for (var n = Math.Min(_maxWords, words.Length - i); n >= 1 && matched == 0; n--)
            {
                if (n == 1 && words.Length > 1) break;   // a lone word inside a longer cell: too little context
                var from = starts[i];
                var to = starts[i + n - 1] + words[i + n - 1].Length;
                // The window without the punctuation around it ("(Hộ tịch);" → "Hộ tịch").
                while (from < to && !char.IsLetterOrDigit(text[from])) from++;
                while (to > from && !char.IsLetterOrDigit(text[to - 1])) to--;
                if (to - from < 2) continue;
                var core = text[from..to];
                if (!_byFold.TryGetValue(folded[from..to], out var phrase) || phrase is null || phrase.Length != core.Length) continue;
                for (var k = 0; k < core.Length; k++)
                {
                    var p = phrase[k];
                    var c = core[k];
                    var restored = char.IsUpper(c) ? char.ToUpperInvariant(p) : char.IsLower(c) ? char.ToLowerInvariant(p) : c;
                    if (restored != c) { chars[from + k] = restored; changed = true; }
                }
                matched = n;
            }
            i += Math.Max(1, matched);
        }
        return changed ? new string(chars) : text;
    }

    /// <summary>Each character folded on its own (so positions line up), lower case, no marks, đ as d.</summary>
    private static string FoldChars(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s) sb.Append(FoldChar(ch));
        return sb.ToString();
    }

    private static char FoldChar(char ch)
    {
        if (ch < 128) return char.ToLowerInvariant(ch);
        var f = VietText.Fold(ch.ToString());
        return f.Length == 1 ? f[0] : char.ToLowerInvariant(ch);
    }

    /// <summary>True when folding keeps one character per character (NFC text without stray combining marks).</summary>
    private static bool SameLength(string s) => s.All(ch => !char.IsSurrogate(ch) && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark);
}
