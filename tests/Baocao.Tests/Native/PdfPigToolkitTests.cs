using System.Globalization;
using System.Text;
using Baocao.Documents;
using Baocao.Native;
using Baocao.Pipeline;
using Baocao.Readers;
using Baocao.Tests.Corpus;

namespace Baocao.Tests.Native;

/// <summary>
/// The in-process PDF toolkit (PdfPig) against the command-line one it replaced (pdftotext -bbox-layout and mutool
/// trace): the same words, boxes, legacy fonts, page sizes and ruling lines, so records do not change with it.
/// </summary>
public class PdfPigToolkitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baocao-pdfpig").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    public static TheoryData<string> DigitalPdfs()
    {
        var dir = CorpusTests.CorpusDir;
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(dir, "*.pdf").Concat(Directory.GetFiles(Path.Combine(dir, "legacy"), "*.pdf")).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(dir, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(DigitalPdfs))]
    public void Layout_is_the_same_as_poppler_and_mutool(string name)
    {
        var path = Path.Combine(CorpusTests.CorpusDir, name);
        var poppler = new PopplerMuPdfToolkit();
        var pig = new PdfPigToolkit();
        Assert.Equal(poppler.Inspect(path), pig.Inspect(path));
        var expected = poppler.ReadLayout(path, poppler.Inspect(path).Pages);
        var actual = pig.ReadOwn(path, out var problem); // PdfPig's own reading, not its fallback to poppler
        Assert.Null(problem);
        Assert.NotNull(actual);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Number, actual[i].Number);
            Assert.Equal(expected[i].Width, actual[i].Width, 0.01);
            Assert.Equal(expected[i].Height, actual[i].Height, 0.01);
            // Word order differs (pdftotext orders by its own blocks); the layout stage sorts by position.
            Assert.Equal(Words(expected[i]), Words(actual[i]));
            Assert.Equal(Lines(expected[i]), Lines(actual[i]));
            Assert.NotEmpty(actual[i].Words);
        }
    }

    private static List<string> Words(LayoutPage p) =>
        p.Words.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Text} {w.Box.X0:0.00} {w.Box.Y0:0.00} {w.Box.X1:0.00} {w.Box.Y1:0.00} {w.Font}"))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> Lines(LayoutPage p) =>
        p.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.X0:0.0} {l.Y0:0.0} {l.X1:0.0} {l.Y1:0.0}")).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_corpus_has_ruled_tables_to_compare()
    {
        // Guards the theory above against comparing pages without borders.
        var sample = Path.Combine(CorpusTests.CorpusDir, "01-stttt-travinh-q2-2021.pdf");
        Assert.Contains(new PdfPigToolkit().ReadLayout(sample, 0), p => p.Lines.Count > 20);
    }

    [Theory]
    [InlineData("VNI-Times", "Thaùng")]
    [InlineData("VnTimeH", "B\xb8o")]
    public void Each_word_keeps_its_legacy_font_as_mutool_saw_it(string font, string text)
    {
        // The corpus's legacy PDFs name no legacy font (their text is recognised by its characters), so the per-word font is
        // tested on a file drawn in one: the words in it carry the font, the words in Helvetica none, as through mutool trace.
        // (A non-embedded Type1 font of such a name would reach PdfPig as its Standard-14 substitute and carry no font;
        // VNI and TCVN3 fonts are TrueType.)
        var path = Path.Combine(_dir, "legacy-font.pdf");
        File.WriteAllBytes(path, MinimalPdf($"BT /F2 12 Tf 72 760 Td ({text}) Tj /F1 12 Tf 100 0 Td (Unicode) Tj ET", font));
        var words = Assert.Single(new PdfPigToolkit().ReadOwn(path, out _)!).Words;
        Assert.Equal([(font, text), (null, "Unicode")], words.Select(w => (w.Font, w.Text)));
        var poppler = Assert.Single(new PopplerMuPdfToolkit().ReadLayout(path, 1)).Words;
        Assert.Equal(poppler.Select(w => (w.Font, w.Text)), words.Select(w => (w.Font, w.Text)));
    }

    [Fact]
    public void A_path_with_ampersand_and_angle_bracket_is_read()
    {
        var source = Path.Combine(CorpusTests.CorpusDir, "02-ubnd-tracu-2023.pdf");
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "A&B <c>")).FullName;
        var copy = Path.Combine(folder, "báo cáo & <1>.pdf");
        File.Copy(source, copy);
        var extractor = Extractor.CreateDefault(ocrWorkers: 0);
        var expected = extractor.Extract(source);
        var actual = extractor.Extract(copy);
        Assert.Equal(copy, actual.Source.Path);
        Assert.Equal(expected.Header.Title, actual.Header.Title);
        Assert.Equal(expected.Header.Agency, actual.Header.Agency);
        Assert.Equal(expected.Header.Signer, actual.Header.Signer);
        Assert.Equal(expected.Tables.Count, actual.Tables.Count);
        Assert.NotEmpty(actual.Tables);
        Assert.Equal(expected.Tables.Sum(t => t.Rows.Count), actual.Tables.Sum(t => t.Rows.Count));
    }

    [Fact]
    public void A_control_character_in_the_text_does_not_lose_the_file()
    {
        // pdftotext wrote U+0016 into its XML unescaped, and the whole file failed on an XmlException.
        var path = Path.Combine(_dir, "control.pdf");
        File.WriteAllBytes(path, MinimalPdf("BT /F1 12 Tf 72 760 Td (Bao \u0016cao so 12) Tj ET"));
        var page = Assert.Single(new PdfPigToolkit().ReadLayout(path, 1));
        Assert.Equal(["Bao", "cao", "so", "12"], page.Words.Select(w => w.Text));
        Assert.Equal(842, page.Height, 0.01);
        var record = Extractor.CreateDefault(ocrWorkers: 0).Extract(path);
        Assert.Equal(1, record.Source.Pages);
    }

    [Fact]
    public void Words_are_split_at_gaps_and_kept_whole_across_kerning()
    {
        // "Tổng" drawn letter by letter with a small kern stays one word; a gap of a third of the font size splits.
        var path = Path.Combine(_dir, "kern.pdf");
        File.WriteAllBytes(path, MinimalPdf("BT /F1 10 Tf 100 700 Td [(To) 30 (ng) -333 (cong) 150 (12)] TJ ET"));
        var page = Assert.Single(new PdfPigToolkit().ReadLayout(path, 1));
        Assert.Equal(["Tong", "cong12"], page.Words.Select(w => w.Text));
        var w0 = page.Words[0];
        // Top-left origin, y down; poppler's box: 0.95 of the font size above the baseline, 0.35 below.
        Assert.Equal(100, w0.Box.X0, 0.01);
        Assert.Equal(842 - 700 - 9.5, w0.Box.Y0, 0.01);
        Assert.Equal(842 - 700 + 3.5, w0.Box.Y1, 0.01);
    }

    [Fact]
    public void Ruling_lines_come_from_strokes_and_thin_filled_bars_not_from_shading()
    {
        var path = Path.Combine(_dir, "lines.pdf");
        // A stroked horizontal line, a stroked rectangle (4 edges), a thin filled bar, a big filled box (shading) and a curve.
        File.WriteAllBytes(path, MinimalPdf("1 w 50 800 m 300 800 l S 50 500 100 50 re S 50 400 200 1 re f 300 300 100 100 re f 50 200 m 100 250 150 250 200 200 c S"));
        var page = Assert.Single(new PdfPigToolkit().ReadLayout(path, 1));
        var lines = page.Lines.Select(l => (Math.Round(l.X0), Math.Round(l.Y0), Math.Round(l.X1), Math.Round(l.Y1))).Order().ToList();
        Assert.Equal([(50, 42, 300, 42), (50, 292, 50, 342), (50, 292, 150, 292), (50, 342, 150, 342), (50, 442, 250, 442), (150, 292, 150, 342)], lines);
    }

    [Fact]
    public void A_font_pdfpig_cannot_load_sends_the_file_to_poppler_instead_of_losing_its_text()
    {
        var path = Path.Combine(_dir, "broken-font.pdf");
        File.WriteAllBytes(path, MinimalPdf("BT /F2 12 Tf 72 760 Td (Thaùng) Tj /F1 12 Tf 100 0 Td (Unicode) Tj ET", widths: false));
        var pig = new PdfPigToolkit();
        Assert.Null(pig.ReadOwn(path, out var problem));
        Assert.Contains("page 1", problem);
        var words = Assert.Single(pig.ReadLayout(path, 1)).Words;
        Assert.Equal(["Thaùng", "Unicode"], words.Select(w => w.Text));
        Assert.Equal("VNI-Times", words[0].Font);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void A_rotated_page_is_read_by_poppler_as_before(int rotate)
    {
        // No corpus sample has a /Rotate page, and PdfPig's rotated coordinates are not yet matched with pdftotext's
        // (which rotates the words but not the page size): such a file goes to the command-line tools.
        var path = Path.Combine(_dir, $"rotate{rotate}.pdf");
        File.WriteAllBytes(path, MinimalPdf("BT /F1 12 Tf 72 760 Td (Tong so 12) Tj ET 1 w 50 700 m 300 700 l S 50 500 100 50 re S", rotate: rotate));
        var pig = new PdfPigToolkit();
        Assert.Null(pig.ReadOwn(path, out var problem));
        Assert.Equal($"page 1: /Rotate {rotate}", problem);
        var expected = Assert.Single(new PopplerMuPdfToolkit().ReadLayout(path, 1));
        var actual = Assert.Single(pig.ReadLayout(path, 1));
        Assert.Equal(Words(expected), Words(actual));
        Assert.Equal(3, actual.Words.Count);
    }

    [Fact]
    public void A_pdf_pdfpig_cannot_open_gets_one_line()
    {
        var path = Path.Combine(_dir, "garbage.pdf");
        File.WriteAllBytes(path, "%PDF-1.4\nnothing else here\n"u8.ToArray());
        var e = Assert.Throws<BadInputException>(() => new PdfPigToolkit().Inspect(path));
        Assert.Equal("damaged or truncated PDF (no readable cross-reference table or trailer)", e.Reason);
    }

    /// <summary>
    /// A one-page A4 PDF written by hand: Helvetica (WinAnsi, identity ToUnicode) as /F1, <paramref name="legacyFont"/>
    /// (a TrueType font, as VNI and TCVN3 fonts are; not embedded; the same encoding) as /F2, and the given content stream.
    /// </summary>
    /// <param name="widths">Whether /F2 has its /FirstChar, /LastChar, /Widths and /FontDescriptor, which a TrueType font must have.</param>
    /// <param name="rotate">The page's /Rotate.</param>
    internal static byte[] MinimalPdf(string content, string legacyFont = "VNI-Times", bool widths = true, int rotate = 0)
    {
        const string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n" +
            "1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <00> <FF> <0000> endbfrange\n" +
            "endcmap CMapName currentdict /CMap defineresource pop end end";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate {rotate} /Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            $"<< /Length {cmap.Length} >>\nstream\n{cmap}\nendstream",
            $"<< /Type /Font /Subtype /TrueType /BaseFont /{legacyFont} /Encoding /WinAnsiEncoding /ToUnicode 6 0 R" +
                (widths ? $" /FirstChar 32 /LastChar 255 /Widths [{string.Join(' ', Enumerable.Repeat(500, 224))}] /FontDescriptor 8 0 R >>" : " >>"),
            $"<< /Type /FontDescriptor /FontName /{legacyFont} /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ];
        var latin1 = Encoding.Latin1;
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return latin1.GetBytes(pdf.ToString());
    }
}
