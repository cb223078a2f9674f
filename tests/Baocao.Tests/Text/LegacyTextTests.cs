using Baocao.Documents;
using Baocao.Readers;
using Baocao.Tables;
using Baocao.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Baocao.Tests.Text;

/// <summary>The document-level repair (statistics, or a font a PDF names) and the DOCX reader's conversion by run font.</summary>
public class LegacyTextTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("baocao-legacy").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private static DocumentContent Content(params string[] lines)
    {
        var blocks = new List<Block>(lines.Select(l => new TextBlock(l, 1, null, Side.Full, false, false)));
        var grid = new CellGrid(1, 2, [new GridCell(0, 0, 1, 1, "Tæng céng", 1, null), new GridCell(0, 1, 1, 1, "2.055", 1, null)], 1, null, "test");
        blocks.Add(new TableBlock(grid));
        return new DocumentContent(new SourceInfo("x.pdf", "0", "pdf", 1, false), blocks, []);
    }

    [Fact]
    public void A_tcvn3_document_is_converted_cells_included_and_says_so()
    {
        var r = LegacyText.Repair(Content("B¸o c¸o kÕt qu¶ kiÓm so¸t thñ tôc hµnh chÝnh", "Sè hå s¬ ®· gi¶i quyÕt: 1.869"));
        Assert.Equal(LegacyEncoding.Tcvn3, r.Encoding);
        var texts = r.Content.TextBlocks.Select(t => t.Text).ToList();
        Assert.Equal(["Báo cáo kết quả kiểm soát thủ tục hành chính", "Số hồ sơ đã giải quyết: 1.869"], texts);
        Assert.Equal("Tổng cộng", r.Content.Tables.Single().Grid.TextAt(0, 0)); // too short alone, converted with its document
        Assert.Equal("2.055", r.Content.Tables.Single().Grid.TextAt(0, 1));
        Assert.Contains(r.Content.Warnings, w => w.Contains("TCVN3"));
    }

    [Fact]
    public void Unicode_lines_of_a_mixed_document_are_left_alone()
    {
        // (A Unicode line made only of Latin-1 letters, "Báo cáo", cannot be told from TCVN3 and would be converted.)
        var r = LegacyText.Repair(Content("B¸o c¸o kÕt qu¶ kiÓm so¸t thñ tôc hµnh chÝnh", "Sở Tư pháp tỉnh Bến Tre"));
        Assert.Equal("Sở Tư pháp tỉnh Bến Tre", r.Content.TextBlocks.ElementAt(1).Text);
        Assert.Equal("Báo cáo kết quả kiểm soát thủ tục hành chính", r.Content.TextBlocks.First().Text);
    }

    [Fact]
    public void A_unicode_document_is_untouched()
    {
        var c = Content("Báo cáo kết quả kiểm soát thủ tục hành chính", "Café, résumé, § 3");
        var r = LegacyText.Repair(c);
        Assert.Equal(LegacyEncoding.None, r.Encoding);
        Assert.Same(c, r.Content);
    }

    [Fact]
    public void A_font_the_pdf_names_decides_even_for_little_text()
    {
        var r = LegacyText.Repair(new DocumentContent(new SourceInfo("x.pdf", "0", "pdf", 1, false),
            [new TextBlock("Ninh B×nh", 1, null, Side.Full, false, false)], []), LegacyEncoding.Tcvn3);
        Assert.Equal("Ninh Bình", r.Content.TextBlocks.Single().Text);
    }

    [Fact]
    public void Pdf_words_in_legacy_fonts_are_converted_by_their_font()
    {
        var box = new BBox(0, 0, 10, 10);
        var page = new LayoutPage(1, 595, 842, [
            new Word("së", box, Font: "CAAAAA+.VnTimeH"), new Word("T\u00AD", box, Font: "CAAAAA+.VnTimeH"), new Word("ph¸p", box, Font: "CAAAAA+.VnTimeH"),
            new Word("Keát", box, Font: "VNI-Times"), new Word("B¸o", box), new Word("Sở", box, Font: "ABCDEF+.VnTime")], []);
        var n = 0;
        var converted = LegacyText.ConvertWords(page, ref n);
        Assert.Equal(["SỞ", "TƯ", "PHÁP", "Kết", "B¸o", "Sở"], converted.Words.Select(w => w.Text));
        Assert.Equal(4, n); // a word without a font waits for the statistics; a Unicode word in an old font is left alone
    }

    private static Run R(string text, string? font)
    {
        var run = new Run(new WText(text) { Space = SpaceProcessingModeValues.Preserve });
        if (font is not null) run.RunProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font });
        return run;
    }

    [Fact]
    public void Docx_runs_are_converted_by_their_font_including_styles_and_the_upper_case_font()
    {
        var path = Path.Combine(dir, "legacy.docx");
        using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new Style(new StyleName { Val = "Legacy" }, new StyleRunProperties(new RunFonts { Ascii = "VNI-Times", HighAnsi = "VNI-Times" }))
                { Type = StyleValues.Paragraph, StyleId = "Legacy" });
            main.Document = new Document(new Body(
                new Paragraph(R("céng hßa x· héi chñ nghÜa viÖt nam", ".VnTimeH")),
                new Paragraph(R("Së T\u00AD ph¸p", ".VnTime"), R(" – Unicode giữ nguyên", "Times New Roman")),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Legacy" }), R("Keát quaû giaûi quyeát", null))));
        }
        var content = new DocxReader().Read(path, "0");
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Sở Tư pháp – Unicode giữ nguyên", "Kết quả giải quyết"], content.TextBlocks.Select(t => t.Text));
        Assert.Contains(content.Warnings, w => w.Contains("legacy Vietnamese fonts"));
    }

    [Fact]
    public void Unicode_text_left_in_a_legacy_font_is_not_converted()
    {
        // Re-encoded to Unicode with the old font name kept: "Báo cáo" must not become "Bỏo cỏo".
        var path = Path.Combine(dir, "relabelled.docx");
        using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(R("Báo cáo kết quả giải quyết", ".VnTime")), new Paragraph(R("Ninh Bình", ".VnTime"))));
        }
        var content = new DocxReader().Read(path, "0");
        Assert.Equal(["Báo cáo kết quả giải quyết", "Ninh Bình"], content.TextBlocks.Select(t => t.Text));
        Assert.Empty(content.Warnings);
    }
}
