using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Text;

namespace Baocao.Figures;

/// <summary>
/// The prose section that states the dossier figures ("6. Tình hình, kết quả giải quyết TTHC"), as one string.
/// A DOCX paragraph or a PDF line is one block, so a sentence may wrap across blocks and pages: the blocks are
/// joined with one space and every offset can be mapped back to the block (and page) it came from.
/// <see cref="Folded"/> has exactly the length of <see cref="Text"/>, so a match found on the folded text
/// ("tiep nhan") points at the same characters of the printed text ("tiếp nhận").
/// </summary>
internal sealed partial class ResultsSection
{
    private readonly int[] _blockStarts;
    private readonly int[] _blockPages;
    private readonly double[] _blockConfidences;

    private ResultsSection(string text, string folded, int[] blockStarts, int[] blockPages, double[] blockConfidences, int bodyStart, IReadOnlyList<int> paragraphStarts)
    {
        Text = text;
        Folded = folded;
        _blockStarts = blockStarts;
        _blockPages = blockPages;
        _blockConfidences = blockConfidences;
        BodyStart = bodyStart;
        ParagraphStarts = paragraphStarts;
    }

    /// <summary>The section's blocks, cleaned and joined with one space; starts with the heading.</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> folded character by character (same length, same offsets).</summary>
    public string Folded { get; }

    /// <summary>Offset just after the heading ("6. Tình hình, kết quả giải quyết TTHC"): the body starts here.</summary>
    public int BodyStart { get; }

    /// <summary>Offsets where a paragraph (a bullet, or a plain paragraph) starts, ascending; the first is <see cref="BodyStart"/>.</summary>
    public IReadOnlyList<int> ParagraphStarts { get; }

    /// <summary>The OCR confidence of the block holding the character at <paramref name="offset"/> (1 for a text layer).</summary>
    public double ConfidenceAt(int offset) => _blockConfidences[BlockAt(offset)];

    /// <summary>The page of the block holding the character at <paramref name="offset"/>.</summary>
    public int PageAt(int offset) => _blockPages[BlockAt(offset)];

    private int BlockAt(int offset)
    {
        var i = Array.BinarySearch(_blockStarts, offset);
        if (i < 0) i = ~i - 1;
        return Math.Clamp(i, 0, _blockStarts.Length - 1);
    }

    /// <summary>
    /// Finds the first results section among the blocks, or null when the document has none. It runs from the heading to
    /// the next numbered heading of the same level, a roman-numbered part ("II. ĐÁNH GIÁ CHUNG") or "Nơi nhận".
    /// </summary>
    public static ResultsSection? Locate(IReadOnlyList<Block> blocks)
    {
        var lines = blocks.Select((b, k) => (b, k)).Where(x => x.b is TextBlock)
            .Select(x => new Line((TextBlock)x.b, VietText.Clean(((TextBlock)x.b).Text), x.k))
            .Where(l => l.Text.Length > 0)
            .ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var heading = MatchHeading(lines, i);
            if (heading is null) continue;
            var (number, lineCount) = heading.Value;
            var end = FindEnd(lines, i + lineCount, number);
            return Build(lines, i, end);
        }
        return LocateWithoutHeading(blocks, lines);
    }

    private sealed record Line(TextBlock Block, string Text, int BlockIndex)
    {
        public bool HasGeometry => Block.Box is not null;
    }

    /// <summary>
    /// Reports written without numbered headings (short reports, web systems' printouts) state the figures in plain or
    /// dashed paragraphs right under the introduction: "- Tổng số hồ sơ tiếp nhận: 1.234 hồ sơ …". Their section is
    /// the run from an unnumbered results heading, else from the first paragraph that counts dossiers ("hồ sơ" with a
    /// number and a receiving or resolving word), to "Nơi nhận", a heading, a table, the closing "Trên đây …", or the
    /// first later paragraph that states no number at all (the assessment that follows the figures).
    /// </summary>
    private static ResultsSection? LocateWithoutHeading(IReadOnlyList<Block> blocks, List<Line> lines)
    {
        var start = -1;
        for (var i = 0; i < lines.Count && start < 0; i++)
        {
            var folded = VietText.Fold(StripDecoration(lines[i].Text));
            if (folded.Length < 150 && UnnumberedHeading().IsMatch(folded)) start = i;
            // The paragraph as a whole, not its first printed line: a PDF wraps "- Tổng số hồ sơ TTHC đã tiếp nhận trong kỳ
            // báo cáo, trong đó:" before its first figure.
            else if (OpensParagraph(lines, i) && VietText.Fold(ParagraphOpening(lines, i)) is var paragraph
                     && FigureParagraph().IsMatch(paragraph) && paragraph.Any(char.IsAsciiDigit)) start = i;
        }
        if (start < 0) return null;
        var end = start + 1;
        for (; end < lines.Count; end++)
        {
            if (TableBetween(blocks, lines[end - 1].BlockIndex, lines[end].BlockIndex)) break;
            var text = StripDecoration(lines[end].Text);
            var folded = VietText.Fold(text);
            if (folded.StartsWith("noi nhan", StringComparison.Ordinal) || folded.StartsWith("tren day", StringComparison.Ordinal)) break;
            if (!OpensParagraph(lines, end)) continue;
            if (RomanHeading().IsMatch(text) || NumberedStart().IsMatch(text)) break;
            if (!ParagraphHasDigit(lines, end)) break;
        }
        return Build(lines, start, end);
    }

    private static bool TableBetween(IReadOnlyList<Block> blocks, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
            if (blocks[k] is TableBlock) return true;
        return false;
    }

    /// <summary>Whether line i opens a paragraph: always in DOCX; in a PDF, after a line that ended one, or at a list marker.</summary>
    private static bool OpensParagraph(List<Line> lines, int i) =>
        !lines[i].HasGeometry || i == 0 || EndsParagraph().IsMatch(lines[i - 1].Text) || ParagraphMarker().IsMatch(lines[i].Text);

    /// <summary>The paragraph opened at line i, up to the next paragraph or about 300 characters: enough to see what it counts.</summary>
    private static string ParagraphOpening(List<Line> lines, int i)
    {
        var text = StripDecoration(lines[i].Text);
        for (var k = i + 1; k < lines.Count && text.Length < 300 && !OpensParagraph(lines, k); k++) text += " " + lines[k].Text;
        return text;
    }

    /// <summary>Whether the paragraph opened at line i holds a digit before the next paragraph opens.</summary>
    private static bool ParagraphHasDigit(List<Line> lines, int i)
    {
        for (var k = i; k < lines.Count && (k == i || !OpensParagraph(lines, k)); k++)
            if (lines[k].Text.Any(char.IsAsciiDigit)) return true;
        return false;
    }

    /// <summary>The heading's printed number and how many blocks it spans (a PDF may wrap it onto a second line).</summary>
    private static (int Number, int Lines)? MatchHeading(List<Line> lines, int i)
    {
        var text = StripDecoration(lines[i].Text);
        var numbered = NumberedStart().Match(text);
        if (!numbered.Success) return null;
        var number = int.Parse(numbered.Groups[1].Value, CultureInfo.InvariantCulture);
        if (Heading().IsMatch(VietText.Fold(text))) return (number, 1);
        if (i + 1 < lines.Count && Heading().IsMatch(VietText.Fold(text + " " + lines[i + 1].Text))) return (number, 2);
        return null;
    }

    private static int FindEnd(List<Line> lines, int from, int headingNumber)
    {
        for (var j = from; j < lines.Count; j++)
        {
            var text = StripDecoration(lines[j].Text);
            if (VietText.Fold(text).StartsWith("noi nhan", StringComparison.Ordinal)) return j;
            // A PDF line that merely starts with "7. " may be the wrap of a sentence; a real heading follows a line
            // that closed its paragraph. DOCX blocks are whole paragraphs, so there the test is not needed.
            var afterParagraph = !lines[j].HasGeometry || EndsParagraph().IsMatch(lines[j - 1].Text);
            if (!afterParagraph) continue;
            if (RomanHeading().IsMatch(text)) return j;
            var numbered = NumberedStart().Match(text);
            // Same level: the next number or two (a skipped number happens); an inner list restarting at "1." does not end it.
            if (numbered.Success && int.Parse(numbered.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n > headingNumber && n <= headingNumber + 2)
                return j;
        }
        return lines.Count;
    }

    private static ResultsSection Build(List<Line> lines, int start, int end)
    {
        var sb = new StringBuilder();
        var starts = new int[end - start];
        var pages = new int[end - start];
        var paragraphs = new List<int>();
        // The text column, from every line of the section: a page holding only a few short lines would make a
        // page-by-page margin meaningless.
        var boxes = lines.Skip(start).Take(end - start).Select(l => l.Block.Box).OfType<BBox>().ToList();
        var margins = boxes.Count == 0 ? default : (Left: boxes.Min(b => b.X0), Right: boxes.Max(b => b.X1));
        for (var k = start; k < end; k++)
        {
            if (k > start) sb.Append(' ');
            starts[k - start] = sb.Length;
            pages[k - start] = lines[k].Block.Page;
            if (k > start && StartsParagraph(lines[k - 1], lines[k], margins)) paragraphs.Add(sb.Length);
            sb.Append(k == start ? StripDecoration(lines[k].Text) : lines[k].Text);
        }
        var text = sb.ToString();
        var folded = FoldKeepingLength(text);
        var heading = Heading().Match(folded);
        var bodyStart = heading.Success ? heading.Index + heading.Length : 0;
        paragraphs.RemoveAll(p => p <= bodyStart);
        paragraphs.Insert(0, bodyStart);
        var confidences = Enumerable.Range(start, end - start).Select(k => lines[k].Block.Confidence).ToArray();
        return new ResultsSection(text, folded, starts, pages, confidences, bodyStart, paragraphs);
    }

    /// <summary>
    /// A DOCX block is a paragraph. A PDF block is a printed line: it opens a paragraph when it starts with a list
    /// marker ("- ", "+ ", "a) ") or when the line above stopped well short of the right margin (the last line of a
    /// paragraph), the usual layout signal; a full line above means the sentence simply wraps.
    /// </summary>
    private static bool StartsParagraph(Line previous, Line line, (double Left, double Right) margins)
    {
        if (!line.HasGeometry) return true;
        if (ParagraphMarker().IsMatch(line.Text)) return true;
        if (previous.Block.Box is not { } prevBox) return true;
        var (left, right) = margins;
        var width = right - left;
        return width > 0 && prevBox.X1 < right - 0.15 * width;
    }

    /// <summary>Length of the list marker at the start of a paragraph ("- ", "+ ", "a) ", "6.1. "), 0 when there is none.</summary>
    public static int MarkerLength(string text, int start)
    {
        var m = ParagraphMarker().Match(text, start);
        return m.Success && m.Index == start ? m.Length : 0;
    }

    /// <summary>
    /// Folds each character on its own (tones and marks dropped, đ to d, lower case) so offsets survive;
    /// <see cref="VietText.Fold"/> on a whole string may shorten it (it trims and collapses spaces).
    /// </summary>
    internal static string FoldKeepingLength(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128 || char.IsSurrogate(c))
            {
                chars[i] = char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
                continue;
            }
            var f = VietText.Fold(c.ToString());
            chars[i] = f.Length == 1 ? f[0] : char.IsWhiteSpace(c) ? ' ' : c;
        }
        return new string(chars);
    }

    /// <summary>Markdown-ish decoration some converters leave around headings ("#### **6. …**").</summary>
    private static string StripDecoration(string text) => Decoration().Replace(text, "");

    // "6. Tình hình, kết quả giải quyết TTHC", "6. Tình hình và kết quả giải quyết TTHC:", "1. Tình hình kết quả
    // giải quyết thủ tục hành chính:", on folded text. "Tình hình tiếp nhận, giải quyết TTHC theo cơ chế một cửa"
    // (the one-stop section that follows) has no "kết quả" and does not match.
    [GeneratedRegex(@"^\d{1,2}\s*[.)]\s*(?:ve\s+)?(?:tinh hinh\s*(?:,|va)?\s*)?ket qua\s+(?:tiep nhan\s*,?\s*(?:va\s+)?)?giai quyet\s+(?:ho so\s+)?(?:tthc|thu tuc hanh chinh)\b")]
    private static partial Regex Heading();

    // The results heading printed without a number: "Tình hình, kết quả giải quyết TTHC:" on folded text.
    [GeneratedRegex(@"^(?:[a-z]\)\s*)?(?:ve\s+)?(?:tinh hinh\s*(?:,|va)?\s*)?ket qua\s+(?:tiep nhan\s*,?\s*(?:va\s+)?)?giai quyet\s+(?:ho so\s+)?(?:tthc|thu tuc hanh chinh)\b")]
    private static partial Regex UnnumberedHeading();

    // A paragraph that counts dossiers: "- Tổng số hồ sơ tiếp nhận: 1.234", "Số hồ sơ đã giải quyết: …", or one that
    // names who received them first: "- Trung tâm đã tiếp nhận 5.661 hồ sơ TTHC, trong đó:" (seed 002); folded.
    [GeneratedRegex(@"^[-+•–*]?\s*(?:tong\s+)?so\s+(?:luong\s+)?ho\s+so\b.*\b(?:tiep nhan|giai quyet)\b|^[-+•–*]?\s*(?:da\s+)?tiep nhan\b.*\bho so\b|^[-+•–*]?[^.;:]{0,80}\bda tiep nhan\s+\d[\d.,]*\s+ho so\b")]
    private static partial Regex FigureParagraph();

    [GeneratedRegex(@"^(\d{1,2})\s*[.)]\s*\p{L}")]
    private static partial Regex NumberedStart();

    [GeneratedRegex(@"^[IVXL]{1,5}\s*[.)]\s+\p{Lu}")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"[.:;!?)…]\s*$")]
    private static partial Regex EndsParagraph();

    [GeneratedRegex(@"\G(?:[-+•–—*·]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})+\.?)\s+")]
    private static partial Regex ParagraphMarker();

    [GeneratedRegex(@"^[#*>_\s]+|[*_]+$")]
    private static partial Regex Decoration();
}
