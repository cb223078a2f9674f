using System.Text;
using Baocao.Documents;
using Baocao.Readers;
using Baocao.Text;
using UglyToad.PdfPig;
using Page = UglyToad.PdfPig.Content.Page;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using Word = Baocao.Documents.Word;

namespace Baocao.Native;

/// <summary>
/// Digital PDF in-process through PdfPig (UglyToad.PdfPig): page count, page sizes, words with boxes and each
/// word's font, and the ruling lines of the vector paths, with no child process. Rendering pages to images (OCR,
/// the web interface's page images) and listing a page's images stay with poppler (<paramref name="poppler"/>):
/// PdfPig does not render; so does reading a file PdfPig fails on after opening it (<see cref="ReadOwn"/>). A hang
/// or crash inside PdfPig is isolated as before by the ingest worker process.
/// </summary>
/// <remarks>
/// The output is kept the same as <see cref="PopplerMuPdfToolkit"/>'s (pdftotext -bbox-layout, mutool trace), so
/// records do not change with the toolkit: words are grouped from PdfPig's letters by our own rules, which follow
/// poppler's TextOutputDev (PdfPig's word extractors group differently), and boxes use poppler's coordinates
/// (origin at the top-left of the crop box, y down) and its word heights (0.95 of the font size above the baseline,
/// 0.35 below).
/// </remarks>
public sealed class PdfPigToolkit(IPdfToolkit? poppler = null) : IPdfToolkit
{
    private readonly IPdfToolkit _poppler = poppler ?? new PopplerMuPdfToolkit();

    // poppler's word-break thresholds, as fractions of the font size (TextOutputDev.cc: minWordBreakSpace,
    // minDupBreakOverlap, dupMaxPriDelta, dupMaxSecDelta) and its default ascent/descent.
    private const double WordBreakSpace = 0.1, DupBreakOverlap = 0.2, DupMaxPriDelta = 0.1, DupMaxSecDelta = 0.2;
    private const double Ascent = 0.95, Descent = 0.35;

    public PdfInfo Inspect(string path)
    {
        using var doc = Open(path);
        var pages = doc.NumberOfPages;
        if (pages <= 0) throw new BadInputException(path, "PDF has no pages");
        return new PdfInfo(pages, doc.IsEncrypted);
    }

    public IReadOnlyList<LayoutPage> ReadLayout(string path, int pageCount) => ReadOwn(path, out _) ?? _poppler.ReadLayout(path, pageCount);

    /// <summary>
    /// The layout as PdfPig reads it, or null (with the reason) when PdfPig fails on a page (a font it cannot load, a
    /// TrueType font without its widths …; a content stream it cannot parse) or a page is rotated. Such a file is then read by pdftotext
    /// and mutool as before, which substitute what is missing: PdfPig would otherwise fail it, or (with its option
    /// to skip missing fonts) silently drop that font's text. A file PdfPig cannot open at all fails in
    /// <see cref="Open"/> with a one-line reason instead.
    /// </summary>
    internal IReadOnlyList<LayoutPage>? ReadOwn(string path, out string? problem)
    {
        using var doc = Open(path);
        var result = new List<LayoutPage>(doc.NumberOfPages);
        for (var n = 1; n <= doc.NumberOfPages; n++)
        {
            try
            {
                var page = doc.GetPage(n);
                // pdftotext reports a /Rotate page's words rotated but its size unrotated, and PdfPig rotates letters its
                // own way: not matched yet, so such a file stays with the command-line tools (no corpus page is rotated).
                if (page.Rotation.Value % 360 != 0)
                {
                    problem = $"page {n}: /Rotate {page.Rotation.Value}";
                    return null;
                }
                var space = new DeviceSpace(page);
                result.Add(new LayoutPage(n, space.Width, space.Height, Words(page, space), Rulings(page, space)));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problem = $"page {n}: {e.GetType().Name}: {e.Message}";
                return null;
            }
        }
        problem = null;
        return result;
    }

    public IReadOnlyList<PageImage> ListImages(string path) => _poppler.ListImages(path);

    public (string imagePath, string? problem) RenderPage(string path, int page, int dpi, string folder) => _poppler.RenderPage(path, page, dpi, folder);

    private static PdfDocument Open(string path)
    {
        try
        {
            return PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = false });
        }
        catch (Exception e) { throw new BadInputException(path, Reason(e)); }
    }

    /// <summary>A PdfPig exception as the one-line reason poppler's messages gave (<see cref="PopplerMuPdfToolkit.Classify"/>).</summary>
    internal static string Reason(Exception e)
    {
        if (e is PdfDocumentEncryptedException) return "encrypted PDF: a password is required to open it";
        var m = e.Message.ToLowerInvariant();
        if (m.Contains("xref") || m.Contains("trailer") || m.Contains("cross reference") || m.Contains("end of file") || m.Contains("startxref") || e is EndOfStreamException)
            return "damaged or truncated PDF (no readable cross-reference table or trailer)";
        var first = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? "the PDF could not be read" : $"the PDF could not be read ({first})";
    }

    /// <summary>
    /// poppler's device space for an unrotated page: origin at the top-left corner of the crop box, y down. PdfPig
    /// gives the page's user space: origin bottom-left, y up.
    /// </summary>
    private readonly struct DeviceSpace(Page page)
    {
        private readonly PdfRectangle _box = page.CropBox.Bounds;
        public double Width { get; } = page.CropBox.Bounds.Width;
        public double Height { get; } = page.CropBox.Bounds.Height;

        public (double x, double y) Map(PdfPoint p) => (p.X - _box.Left, _box.Top - p.Y);
    }

    /// <summary>One letter in device space: baseline start and end, size, font, text (control characters removed).</summary>
    private readonly record struct Glyph(string Text, double X0, double Y0, double X1, double Y1, double Size, string? Font);

    /// <summary>
    /// Letters → words, written by hand after poppler's TextPage::addChar, because PdfPig's word extractors group
    /// letters differently (and the layout stage was tuned on pdftotext's words): letters in content-stream order;
    /// a space ends a word; a letter starts a new word when it is further than 0.1 × font size after the word's
    /// end, overlaps it backwards by more than 0.2 × font size, sits on the previous letter's place (fake bold), has
    /// another baseline (over 0.5 pt) or another font size. Words run left to right on the page (poppler's
    /// rotation 0); text drawn in other directions is grouped along its own direction.
    /// </summary>
    private static List<Word> Words(Page page, DeviceSpace space)
    {
        var words = new List<Word>();
        var current = new List<Glyph>();
        var rot = 0;
        var lastOverlap = false;
        foreach (var letter in page.Letters)
        {
            var text = WithoutControls(letter.Value);
            var (x0, y0) = space.Map(letter.StartBaseLine);
            var (x1, y1) = space.Map(letter.EndBaseLine);
            if (text.Length == 0) continue; // a control character (U+0016 …) draws nothing readable: dropped
            if (text == " " || string.IsNullOrWhiteSpace(text))
            {
                Flush(current, rot, words);
                lastOverlap = false;
                continue;
            }
            // poppler drops letters that start outside the page.
            if (Math.Max(x0, x1) < 0 || Math.Min(x0, x1) > space.Width || Math.Max(y0, y1) < 0 || Math.Min(y0, y1) > space.Height) continue;
            var g = new Glyph(text, x0, y0, x1, y1, letter.PointSize, letter.FontName);
            var r = Rotation(g);
            if (current.Count > 0)
            {
                var prev = current[^1];
                var first = current[0];
                // Along the writing direction: the gap after the word, the shift from the previous letter's start; across it: the baseline.
                var (sp, delta, baseShift) = r switch
                {
                    1 => (g.Y0 - prev.Y1, g.Y0 - prev.Y0, g.X0 - first.X0),
                    2 => (prev.X1 - g.X0, prev.X0 - g.X0, g.Y0 - first.Y0),
                    3 => (prev.Y1 - g.Y0, prev.Y0 - g.Y0, g.X0 - first.X0),
                    _ => (g.X0 - prev.X1, g.X0 - prev.X0, g.Y0 - first.Y0),
                };
                var size = first.Size;
                var overlap = Math.Abs(delta) < DupMaxPriDelta * size && Math.Abs(baseShift) < DupMaxSecDelta * size;
                if (r != rot || overlap || lastOverlap || sp < -DupBreakOverlap * size || sp > WordBreakSpace * size || Math.Abs(baseShift) > 0.5
                    || Math.Abs(g.Size - size) > 1e-6)
                    Flush(current, rot, words);
                lastOverlap = overlap;
            }
            if (current.Count == 0) rot = r;
            current.Add(g);
        }
        Flush(current, rot, words);
        return words;
    }

    /// <summary>poppler's rotation of a letter: 0 left to right, 1 top to bottom, 2 right to left, 3 bottom to top.</summary>
    private static int Rotation(Glyph g)
    {
        var (dx, dy) = (g.X1 - g.X0, g.Y1 - g.Y0);
        if (Math.Abs(dx) >= Math.Abs(dy)) return dx >= 0 ? 0 : 2;
        return dy >= 0 ? 1 : 3;
    }

    private static void Flush(List<Glyph> letters, int rot, List<Word> words)
    {
        if (letters.Count == 0) return;
        var first = letters[0];
        var last = letters[^1];
        var (up, down) = (Ascent * first.Size, Descent * first.Size);
        var box = rot switch
        {
            1 => new BBox(first.X0 - down, first.Y0, first.X0 + up, last.Y1),
            2 => new BBox(last.X1, first.Y0 - down, first.X0, first.Y0 + up),
            3 => new BBox(first.X0 - up, last.Y1, first.X0 + down, first.Y0),
            _ => new BBox(first.X0, first.Y0 - up, last.X1, first.Y0 + down),
        };
        var sb = new StringBuilder();
        foreach (var l in letters) sb.Append(l.Text);
        var font = LegacyFont(letters);
        letters.Clear();
        var text = VietText.Clean(sb.ToString());
        if (text.Length > 0) words.Add(new Word(text, box, Font: font));
    }

    /// <summary>The legacy Vietnamese font (TCVN3, VNI) most of the word's letters are drawn in, if any: the text then holds that font's codes.</summary>
    private static string? LegacyFont(List<Glyph> letters) =>
        letters.Where(l => LegacyVietnamese.FromFontName(l.Font) != LegacyEncoding.None).GroupBy(l => l.Font).MaxBy(g => g.Count())?.Key;

    private static string WithoutControls(string s)
    {
        foreach (var c in s)
            if (char.IsControl(c)) return new string(s.Where(ch => !char.IsControl(ch)).ToArray());
        return s;
    }

    /// <summary>
    /// Ruling lines from the page's vector paths, in device space, as <see cref="PopplerMuPdfToolkit"/> reads them
    /// from mutool trace: the axis-aligned segments of stroked paths, and thin filled rectangles (Word often draws
    /// borders as filled bars). Clipping paths draw nothing and are passed over.
    /// </summary>
    private static List<RulingLine> Rulings(Page page, DeviceSpace space)
    {
        var lines = new List<RulingLine>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled)) continue;
            var pts = new List<(double x, double y, bool move)>();
            foreach (var sub in path)
            {
                foreach (var c in sub.Commands)
                {
                    switch (c)
                    {
                        case PdfSubpath.Move m:
                            Add(m.Location, true);
                            break;
                        case PdfSubpath.Line l:
                            // PdfPig's lines carry their start; mutool's lineto only the end (the start is the pen position).
                            if (pts.Count == 0 || !Same(pts[^1], space.Map(l.From))) Add(l.From, true);
                            Add(l.To, false);
                            break;
                        case PdfSubpath.Close when pts.Count > 0:
                            var start = pts.FindLast(p => p.move);
                            pts.Add((start.x, start.y, false));
                            break;
                        case PdfSubpath.BezierCurve:
                            pts.Add((double.NaN, double.NaN, true)); // a curve breaks any straight run
                            break;
                    }
                }
            }
            if (path.IsFilled) RulingSegments.AddFilled(lines, pts);
            if (path.IsStroked)
                for (var i = 1; i < pts.Count; i++)
                {
                    if (pts[i].move || double.IsNaN(pts[i].x) || double.IsNaN(pts[i - 1].x)) continue;
                    RulingSegments.AddIfAxisAligned(lines, pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y);
                }

            void Add(PdfPoint p, bool move)
            {
                var (x, y) = space.Map(p);
                pts.Add((x, y, move));
            }
        }
        return lines;
    }

    private static bool Same((double x, double y, bool move) a, (double x, double y) b) => Math.Abs(a.x - b.x) < 1e-9 && Math.Abs(a.y - b.y) < 1e-9;
}
