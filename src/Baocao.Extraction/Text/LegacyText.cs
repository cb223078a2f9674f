using Baocao.Documents;
using Baocao.Tables;

namespace Baocao.Text;

/// <summary>
/// The legacy-encoding repair of a whole document, after the reader and before the pure stages: blocks (text and
/// table cells) typed in TCVN3 or VNI fonts become Unicode NFC. The DOCX reader already converts runs whose font
/// names the encoding (the strong evidence); what is left is decided here once for the document, by character
/// statistics over its blocks that hold no Unicode-only Vietnamese letter, or by a font the PDF names
/// (<paramref name="forced"/>). Only those blocks are converted, so a Unicode template with legacy-typed parts keeps
/// its Unicode text. Pure.
/// </summary>
public static class LegacyText
{
    public sealed record Result(DocumentContent Content, LegacyEncoding Encoding, int Converted);

    public static Result Repair(DocumentContent content, LegacyEncoding forced = LegacyEncoding.None)
    {
        var candidates = Texts(content.Blocks).Where(IsCandidate).ToList();
        if (candidates.Count == 0) return new Result(content, LegacyEncoding.None, 0);
        var enc = forced != LegacyEncoding.None ? forced : LegacyVietnamese.Detect(string.Join("\n", candidates), minHits: 5);
        if (enc == LegacyEncoding.None) return new Result(content, LegacyEncoding.None, 0);
        var converted = 0;
        string Fix(string s)
        {
            if (!IsCandidate(s)) return s;
            var u = VietText.Clean(LegacyVietnamese.ToUnicode(s, enc));
            if (u != s) converted++;
            return u;
        }
        var blocks = content.Blocks.Select(b => b switch
        {
            TextBlock t => t with { Text = Fix(t.Text) },
            TableBlock tb => new TableBlock(new CellGrid(tb.Grid.Rows, tb.Grid.Cols,
                tb.Grid.Cells.Select(c => c with { Text = Fix(c.Text) }).ToList(), tb.Grid.Page, tb.Grid.Box, tb.Grid.Detector)),
            _ => b,
        }).ToList();
        if (converted == 0) return new Result(content, LegacyEncoding.None, 0);
        var name = enc == LegacyEncoding.Tcvn3 ? "TCVN3" : "VNI";
        var warnings = content.Warnings.Append($"text in the legacy {name} encoding converted to Unicode ({converted} line(s) or cell(s))").ToList();
        return new Result(content with { Blocks = blocks, Warnings = warnings }, enc, converted);
    }

    /// <summary>
    /// A PDF page's words drawn in a TCVN3 or VNI font (<see cref="Word.Font"/>) converted by that font: ".VnTimeH" words
    /// become capitals. <paramref name="converted"/> counts them. Pure.
    /// </summary>
    public static LayoutPage ConvertWords(LayoutPage page, ref int converted)
    {
        if (page.Words.All(w => w.Font is null)) return page;
        var words = new List<Word>(page.Words.Count);
        foreach (var w in page.Words)
        {
            var enc = LegacyVietnamese.FromFontName(w.Font);
            if (enc == LegacyEncoding.None || LegacyVietnamese.HasUnicodeVietnamese(w.Text)) { words.Add(w); continue; }
            words.Add(w with { Text = LegacyVietnamese.ToUnicode(w.Text, enc, LegacyVietnamese.IsUpperCaseFont(w.Font)) });
            converted++;
        }
        return page with { Words = words };
    }

    private static IEnumerable<string> Texts(IEnumerable<Block> blocks)
    {
        foreach (var b in blocks)
        {
            if (b is TextBlock t) yield return t.Text;
            else if (b is TableBlock tb) foreach (var c in tb.Grid.Cells) yield return c.Text;
        }
    }

    /// <summary>A text that could be legacy-encoded: it has non-ASCII characters and none of Unicode Vietnamese's own letters.</summary>
    private static bool IsCandidate(string s)
    {
        var any = false;
        foreach (var c in s)
        {
            if (c > '\u00FF') return false; // Unicode Vietnamese (ạ, ư, đ …) or other scripts: not legacy text
            if (c > '\u007F') any = true;
        }
        return any;
    }
}
