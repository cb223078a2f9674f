using System.Globalization;
using System.Xml;
using Baocao.Documents;
using Baocao.Readers;
using Baocao.Text;

namespace Baocao.Native;

/// <summary>
/// PDF through Debian's command-line tools: poppler's <c>pdfinfo</c> (pages, encryption) and
/// <c>pdftotext -bbox-layout</c> (words with boxes), and MuPDF's <c>mutool trace</c> for the vector paths that
/// draw table borders (poppler has no command that prints paths). No PDF library for .NET with this is in
/// the package mirror, so the tools run as child processes: one bad file can crash or hang only its own process.
/// </summary>
public sealed class PopplerMuPdfToolkit(TimeSpan? timeout = null) : IPdfToolkit
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    // The tools print XHTML/XML; no DTD is fetched or processed.
    private static readonly XmlReaderSettings Xml = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, CheckCharacters = false };

    /// <summary>Runs one tool on the file; a timeout or a failure becomes a one-line bad-input reason.</summary>
    private void Run(string tool, string[] args, string path, Action<StreamReader> read)
    {
        // mutool trace writes the file's name into its XML unescaped, so a name with '&' or '<' ("STNMT&DL") made the
        // output unreadable: the tools read such a file through a link with a plain name.
        string? linkFolder = null;
        if (path.Any(c => c is '&' or '<' or '>' or '"' or '\'' || char.IsControl(c)))
        {
            linkFolder = Directory.CreateTempSubdirectory("baocao-pdf").FullName;
            var link = Path.Combine(linkFolder, "in.pdf");
            File.CreateSymbolicLink(link, Path.GetFullPath(path));
            args = args.Select(a => a == path ? link : a).ToArray();
        }
        try
        {
            var r = ProcessRunner.Run(tool, args, read, _timeout);
            if (r.TimedOut) throw new BadInputException(path, $"{tool} did not finish within {_timeout.TotalSeconds:0} s");
            if (r.ExitCode != 0) throw new BadInputException(path, Classify(r.StdErr));
        }
        catch (ToolOutputException e) { throw new BadInputException(path, e.Message, e); }
        finally
        {
            if (linkFolder is not null) Directory.Delete(linkFolder, true);
        }
    }

    public PdfInfo Inspect(string path)
    {
        var pages = 0;
        var encrypted = false;
        Run("pdfinfo", [path], path, o =>
        {
            while (o.ReadLine() is { } line)
            {
                if (line.StartsWith("Pages:", StringComparison.Ordinal)) int.TryParse(line[6..].Trim(), out pages);
                else if (line.StartsWith("Encrypted:", StringComparison.Ordinal)) encrypted = line[10..].Trim().StartsWith("yes", StringComparison.Ordinal);
            }
        });
        if (pages <= 0) throw new BadInputException(path, "PDF has no pages");
        return new PdfInfo(pages, encrypted);
    }

    /// <summary>Turns a poppler error dump into one line a user understands.</summary>
    internal static string Classify(string stderr)
    {
        var s = stderr.ToLowerInvariant();
        if (s.Contains("incorrect password")) return "encrypted PDF: a password is required to open it";
        if (s.Contains("may not be a pdf")) return "not a PDF file (no %PDF header)";
        if (s.Contains("trailer") || s.Contains("xref") || s.Contains("couldn't read") || s.Contains("damaged"))
            return "damaged or truncated PDF (no readable cross-reference table or trailer)";
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? "the PDF could not be read" : $"the PDF could not be read ({first})";
    }

    public IReadOnlyList<PageImage> ListImages(string path)
    {
        var images = new List<PageImage>();
        Run("pdfimages", ["-list", path], path, o =>
        {
            while (o.ReadLine() is { } line)
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 14 || !int.TryParse(f[0], out var page)) continue;
                int.TryParse(f[3], out var w);
                int.TryParse(f[4], out var h);
                int.TryParse(f[12], out var ppi);
                images.Add(new PageImage(page, w, h, ppi, f[8]));
            }
        });
        return images;
    }

    public (string imagePath, string? problem) RenderPage(string path, int page, int dpi, string folder)
    {
        var root = Path.Combine(folder, $"page-{page}");
        var r = ProcessRunner.Run("pdftoppm", ["-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", page.ToString(CultureInfo.InvariantCulture),
            "-l", page.ToString(CultureInfo.InvariantCulture), "-singlefile", path, root], o => o.ReadToEnd(), _timeout);
        if (r.TimedOut) throw new BadInputException(path, $"pdftoppm did not finish page {page} within {_timeout.TotalSeconds:0} s");
        var image = root + ".pgm";
        var problem = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.Contains("Error", StringComparison.OrdinalIgnoreCase));
        if (r.ExitCode != 0 || !File.Exists(image)) throw new BadInputException(path, $"page {page} could not be rendered ({problem ?? Classify(r.StdErr)})");
        return (image, problem);
    }

    public IReadOnlyList<LayoutPage> ReadLayout(string path, int pageCount)
    {
        var words = ReadWords(path);
        var glyphs = new Dictionary<int, List<(double x, double y, string font)>>();
        var lines = ReadRulings(path, glyphs);
        var pages = new List<LayoutPage>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var (w, h, ws) = words[i];
            if (glyphs.TryGetValue(i + 1, out var gs)) ws = ws.Select(word => WithFont(word, gs)).ToList();
            pages.Add(new LayoutPage(i + 1, w, h, ws, lines.TryGetValue(i + 1, out var ls) ? ls : []));
        }
        return pages;
    }

    /// <summary>The word with the legacy font most of the glyphs drawn inside its box are in (pdftotext gives no fonts).</summary>
    private static Word WithFont(Word w, List<(double x, double y, string font)> glyphs)
    {
        var font = glyphs.Where(g => g.x >= w.Box.X0 - 0.5 && g.x <= w.Box.X1 + 0.5 && g.y >= w.Box.Y0 - 0.5 && g.y <= w.Box.Y1 + 0.5)
            .GroupBy(g => g.font).MaxBy(g => g.Count())?.Key;
        return font is null ? w : w with { Font = font };
    }

    private List<(double w, double h, List<Word> words)> ReadWords(string path)
    {
        var pages = new List<(double, double, List<Word>)>();
        Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", path, "-"], path, o =>
        {
            using var x = XmlReader.Create(o, Xml);
            List<Word>? current = null;
            var advance = true;
            // ReadElementContentAsString() moves past the element, so the loop must not Read() past the next one.
            while (advance ? x.Read() : !x.EOF)
            {
                advance = true;
                if (x.NodeType != XmlNodeType.Element) continue;
                if (x.LocalName == "page")
                {
                    current = [];
                    pages.Add((D(x, "width"), D(x, "height"), current));
                }
                else if (x.LocalName == "word" && current is not null)
                {
                    var box = new BBox(D(x, "xMin"), D(x, "yMin"), D(x, "xMax"), D(x, "yMax"));
                    var text = VietText.Clean(x.ReadElementContentAsString());
                    advance = false;
                    if (text.Length > 0) current.Add(new Word(text, box));
                }
            }
        });
        return pages;
    }

    /// <summary>
    /// Collects axis-aligned segments from stroked paths, and thin filled rectangles (Word often draws borders
    /// as filled bars), in device space: origin top-left, y down, the same space pdftotext reports words in.
    /// </summary>
    /// <param name="legacyGlyphs">Filled with the glyphs drawn in legacy Vietnamese fonts (TCVN3, VNI), by page: their origin in the same space and their font.</param>
    private Dictionary<int, List<RulingLine>> ReadRulings(string path, Dictionary<int, List<(double x, double y, string font)>> legacyGlyphs)
    {
        var result = new Dictionary<int, List<RulingLine>>();
        Run("mutool", ["trace", path], path, o =>
        {
            using var x = XmlReader.Create(o, Xml);
            List<RulingLine>? page = null;
            var pageNo = 0;
            var advance = true;
            // Skip() already moves to the next node, so the loop must not Read() past it.
            while (advance ? x.Read() : !x.EOF)
            {
                advance = true;
                if (x.NodeType != XmlNodeType.Element) continue;
                switch (x.LocalName)
                {
                    case "page":
                        page = [];
                        pageNo = int.Parse(x.GetAttribute("number") ?? "0", CultureInfo.InvariantCulture);
                        result[pageNo] = page;
                        break;
                    case "fill_text" when !x.IsEmptyElement:
                        ReadLegacyGlyphs(x, pageNo, legacyGlyphs);
                        break;
                    case "fill_text" or "clip_text" or "stroke_text" or "ignore_text" or "clip_path" or "fill_image" or "fill_image_mask" or "clip_image_mask":
                        if (!x.IsEmptyElement) { x.Skip(); advance = false; }
                        break;
                    case "stroke_path" or "fill_path" when page is not null:
                        ReadPath(x, page);
                        break;
                }
            }
        });
        return result;
    }

    /// <summary>The glyphs of a text element whose span font is a TCVN3 or VNI font; other spans are passed over.</summary>
    private static void ReadLegacyGlyphs(XmlReader x, int page, Dictionary<int, List<(double x, double y, string font)>> glyphs)
    {
        var m = ParseMatrix(x.GetAttribute("transform"));
        var depth = x.Depth;
        string? font = null;
        while (x.Read() && x.Depth > depth)
        {
            if (x.NodeType != XmlNodeType.Element) continue;
            if (x.LocalName == "span")
            {
                var f = x.GetAttribute("font");
                font = LegacyVietnamese.FromFontName(f) != LegacyEncoding.None ? f : null;
            }
            else if (x.LocalName == "g" && font is not null)
            {
                var (gx, gy) = (D(x, "x"), D(x, "y"));
                if (!glyphs.TryGetValue(page, out var list)) glyphs[page] = list = [];
                list.Add((m[0] * gx + m[2] * gy + m[4], m[1] * gx + m[3] * gy + m[5], font));
            }
        }
    }

    private static void ReadPath(XmlReader x, List<RulingLine> page)
    {
        var stroke = x.LocalName == "stroke_path";
        var m = ParseMatrix(x.GetAttribute("transform"));
        if (x.IsEmptyElement) return;
        var pts = new List<(double x, double y, bool move)>();
        var depth = x.Depth;
        while (x.Read() && x.Depth > depth)
        {
            if (x.NodeType != XmlNodeType.Element) continue;
            if (x.LocalName is "moveto" or "lineto")
            {
                var px = D(x, "x");
                var py = D(x, "y");
                pts.Add((m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5], x.LocalName == "moveto"));
            }
            else if (x.LocalName == "closepath" && pts.Count > 0)
            {
                var start = pts.FindLast(p => p.move);
                pts.Add((start.x, start.y, false));
            }
            else if (x.LocalName == "curveto")
            {
                pts.Add((double.NaN, double.NaN, true)); // a curve breaks any straight run
            }
        }
        if (stroke)
        {
            for (var i = 1; i < pts.Count; i++)
            {
                if (pts[i].move || double.IsNaN(pts[i].x) || double.IsNaN(pts[i - 1].x)) continue;
                RulingSegments.AddIfAxisAligned(page, pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y);
            }
        }
        else RulingSegments.AddFilled(page, pts);
    }

    private static double[] ParseMatrix(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return [1, 0, 0, 1, 0, 0];
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6) return [1, 0, 0, 1, 0, 0];
        return parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    }

    private static double D(XmlReader x, string name) =>
        double.TryParse(x.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
