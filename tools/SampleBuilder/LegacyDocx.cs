using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace SampleBuilder;

/// <summary>
/// Rewrites a corpus DOCX as an old archive file would hold it: every run typed in a pre-Unicode Vietnamese font.
/// TCVN3: ".VnTime" with one byte per letter; TCVN3 has no upper-case letters with tones, so a word holding one is
/// typed in ".VnTimeH" (the upper-case font, which reuses the lower-case codes), as typists did. VNI: "VNI-Times",
/// base letter then mark bytes. The bytes are stored as the Latin-1 characters Word shows for such fonts.
/// (The encoder is the inverse of baocao's decoder in src/Baocao.Extraction/Text/LegacyVietnamese.cs, written apart on
/// purpose so the round trip tests one against the other.)
/// </summary>
public static class LegacyDocx
{
    public static void Write(string src, string dest, string encoding)
    {
        File.Copy(src, dest, true);
        using var doc = WordprocessingDocument.Open(dest, true);
        var parts = new List<OpenXmlPartRootElement?> { doc.MainDocumentPart!.Document, doc.MainDocumentPart.FootnotesPart?.Footnotes };
        foreach (var root in parts.OfType<OpenXmlPartRootElement>())
        {
            foreach (var run in root.Descendants<Run>().ToList())
            {
                if (!run.Descendants<WText>().Any()) continue;
                if (encoding.StartsWith("vni")) { foreach (var t in run.Elements<WText>()) t.Text = Vni(t.Text); SetFont(run, "VNI-Times"); }
                // For the PDF: without the VNI fonts every mark byte is a glyph of its own, so the text is drawn a fifth
                // wider and wraps inside words; drawn smaller, it wraps where the original does.
                if (encoding == "vni-pdf") Shrink(run, DefaultSize(doc));
                if (encoding.StartsWith("vni")) continue;
                SplitTcvn3(run);
            }
            root.Save();
        }
    }

    private static int DefaultSize(WordprocessingDocument doc) =>
        int.TryParse(doc.MainDocumentPart!.StyleDefinitionsPart?.Styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.FontSize?.Val?.Value, out var v) ? v : 26;

    private static void Shrink(Run run, int defaultSize)
    {
        run.RunProperties ??= new RunProperties();
        var size = int.TryParse(run.RunProperties.FontSize?.Val?.Value, out var v) ? v : defaultSize;
        run.RunProperties.FontSize = new FontSize { Val = Math.Max(8, size * 4 / 5).ToString() };
    }

    private static void SetFont(Run run, string font)
    {
        run.RunProperties ??= new RunProperties();
        run.RunProperties.RunFonts = new RunFonts { Ascii = font, HighAnsi = font };
    }

    /// <summary>A run becomes runs of words: each word in ".VnTime" when TCVN3 can spell it, else in ".VnTimeH".</summary>
    private static void SplitTcvn3(Run run)
    {
        var pieces = new List<OpenXmlElement>();
        foreach (var child in run.ChildElements.Where(c => c is not RunProperties).ToList())
        {
            if (child is not WText t) { pieces.Add(child.CloneNode(true)); continue; }
            foreach (var (text, upper) in Words(t.Text))
            {
                var r = new Run();
                if (run.RunProperties is { } rp) r.RunProperties = (RunProperties)rp.CloneNode(true);
                SetFont(r, upper ? ".VnTimeH" : ".VnTime");
                r.Append(new WText(upper ? Tcvn3(text.ToLowerInvariant()) : Tcvn3(text)) { Space = SpaceProcessingModeValues.Preserve });
                pieces.Add(r);
            }
        }
        // Breaks and tabs keep their own run, in place.
        var parent = run.Parent!;
        foreach (var p in pieces)
        {
            var r = p as Run ?? new Run(run.RunProperties?.CloneNode(true) ?? new RunProperties(), p);
            parent.InsertBefore(r, run);
        }
        run.Remove();
    }

    /// <summary>The text cut into words and spaces; a word TCVN3 cannot spell in the lower-case font is marked upper.</summary>
    private static IEnumerable<(string text, bool upper)> Words(string s)
    {
        var sb = new StringBuilder();
        foreach (var ch in s)
        {
            if (ch == ' ')
            {
                if (sb.Length > 0) yield return (sb.ToString(), NeedsUpperFont(sb.ToString()));
                sb.Clear();
                yield return (" ", false);
            }
            else sb.Append(ch);
        }
        if (sb.Length > 0) yield return (sb.ToString(), NeedsUpperFont(sb.ToString()));
    }

    private static bool NeedsUpperFont(string word) => word.Any(c => char.IsUpper(c) && c > '\u007F' && !Tcvn3Upper.ContainsKey(c));

    private static readonly Dictionary<char, char> Tcvn3Lower = Build(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
        "\u00B5\u00B8\u00B6\u00B7\u00B9\u00A8\u00BB\u00BE\u00BC\u00BD\u00C6\u00A9\u00C7\u00CA\u00C8\u00C9\u00CB\u00AE\u00CC\u00D0\u00CE\u00CF\u00D1" +
        "\u00AA\u00D2\u00D5\u00D3\u00D4\u00D6\u00D7\u00DD\u00D8\u00DC\u00DE\u00DF\u00E3\u00E1\u00E2\u00E4\u00AB\u00E5\u00E8\u00E6\u00E7\u00E9" +
        "\u00AC\u00EA\u00ED\u00EB\u00EC\u00EE\u00EF\u00F3\u00F1\u00F2\u00F4\u00AD\u00F5\u00F8\u00F6\u00F7\u00F9\u00FA\u00FD\u00FB\u00FC\u00FE");

    private static readonly Dictionary<char, char> Tcvn3Upper = Build("ĂÂĐÊÔƠƯ", "\u00A1\u00A2\u00A7\u00A3\u00A4\u00A5\u00A6");

    private static Dictionary<char, char> Build(string from, string to) => from.Zip(to).ToDictionary(p => p.First, p => p.Second);

    public static string Tcvn3(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormC))
            sb.Append(Tcvn3Lower.TryGetValue(c, out var l) ? l : Tcvn3Upper.TryGetValue(c, out var u) ? u : c);
        return sb.ToString();
    }

    // Vietnamese vowels by base: no tone, sắc, huyền, hỏi, ngã, nặng (a table, as this tool runs with invariant
    // globalization, where Unicode decomposition is not available).
    private static readonly (string Base, string Mod, string Forms)[] Vowels =
    [
        ("a", "", "aáàảãạ"), ("a", "breve", "ăắằẳẵặ"), ("a", "circ", "âấầẩẫậ"), ("e", "", "eéèẻẽẹ"), ("e", "circ", "êếềểễệ"),
        ("i", "", "iíìỉĩị"), ("o", "", "oóòỏõọ"), ("o", "circ", "ôốồổỗộ"), ("o", "horn", "ơớờởỡợ"), ("u", "", "uúùủũụ"),
        ("u", "horn", "ưứừửữự"), ("y", "", "yýỳỷỹỵ"),
    ];

    /// <summary>Unicode to VNI: each letter as its base, then its vowel mark and tone as VNI's mark characters.</summary>
    public static string Vni(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormC))
        {
            if (c is 'đ') { sb.Append('ñ'); continue; }
            if (c is 'Đ') { sb.Append('Ñ'); continue; }
            var lower = char.ToLowerInvariant(c);
            var v = Vowels.FirstOrDefault(x => x.Forms.Contains(lower));
            if (v.Forms is null || lower == v.Forms[0] && v.Mod == "") { sb.Append(c); continue; }
            var t = v.Forms.IndexOf(lower) - 1; // -1: no tone
            string piece;
            if (v.Base == "i") piece = "íìæóò"[t].ToString();
            else if (v.Base == "y" && t == 4) piece = "î";
            else
            {
                var bas = v.Mod == "horn" ? (v.Base == "o" ? "ô" : "ö") : v.Base;
                var marks = v.Mod switch
                {
                    "circ" => t < 0 ? "â" : "áàåãä"[t].ToString(),
                    "breve" => t < 0 ? "ê" : "éèúüë"[t].ToString(),
                    _ => t < 0 ? "" : "ùøûõï"[t].ToString(),
                };
                piece = bas + marks;
            }
            sb.Append(char.IsUpper(c) ? piece.ToUpperInvariant() : piece);
        }
        return sb.ToString();
    }
}
