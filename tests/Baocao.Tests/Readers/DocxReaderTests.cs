using Baocao.Documents;
using Baocao.Readers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Baocao.Tests.Readers;

public class DocxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baocao-docx").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static Paragraph P(string text, bool center = false, bool bold = false)
    {
        var run = new Run(new WText(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold) run.RunProperties = new RunProperties(new Bold());
        var p = new Paragraph(run);
        if (center) p.ParagraphProperties = new ParagraphProperties(new Justification { Val = JustificationValues.Center });
        return p;
    }

    private static WTableCell Cell(string text, int span = 1, MergedCellValues? vmerge = null)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vmerge is { } v) props.Append(new VerticalMerge { Val = v });
        return new WTableCell(props, P(text));
    }

    private string Build()
    {
        var path = Path.Combine(_dir, "sample.docx");
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var header = new WTable(
            new WTableRow(
                new WTableCell(P("UBND TỈNH TRÀ VINH"), P("SỞ TƯ PHÁP", bold: true), P("Số: 12/BC-STP")),
                new WTableCell(P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), P("Độc lập - Tự do - Hạnh phúc"), P("Trà Vinh, ngày 05 tháng 7 năm 2021"))));
        var signer = new Paragraph(new Run(new WText("KT. GIÁM ĐỐC"), new Break(), new WText("PHÓ GIÁM ĐỐC")));
        var pageBreak = new Paragraph(new Run(new Break { Type = BreakValues.Page }));
        var data = new WTable(
            new WTableRow(Cell("STT", vmerge: MergedCellValues.Restart), Cell("Số lượng hồ sơ", span: 2)),
            new WTableRow(Cell("", vmerge: MergedCellValues.Continue), Cell("Tổng số"), Cell("Trực tuyến")),
            new WTableRow(Cell("1"), Cell("5.661"), Cell("68,75")));
        main.Document = new Document(new Body(header, P("BÁO CÁO", center: true, bold: true), P("Công tác kiểm soát TTHC quý II/2021", center: true), signer, pageBreak, data));
        return path;
    }

    [Fact]
    public void Header_layout_table_becomes_left_then_right_text()
    {
        var content = new DocxReader().Read(Build(), "hash");
        var texts = content.TextBlocks.Take(6).Select(t => (t.Text, t.Side)).ToList();
        Assert.Equal(("UBND TỈNH TRÀ VINH", Side.Left), texts[0]);
        Assert.Equal(("Số: 12/BC-STP", Side.Left), texts[2]);
        Assert.Equal(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Side.Right), texts[3]);
        Assert.Equal(("Trà Vinh, ngày 05 tháng 7 năm 2021", Side.Right), texts[5]);
        Assert.True(content.TextBlocks.ElementAt(1).Bold);
        Assert.DoesNotContain(content.Tables, t => t.Grid.Cols == 2 && t.Grid.Rows == 1);
    }

    [Fact]
    public void Centring_and_line_breaks_are_kept()
    {
        var blocks = new DocxReader().Read(Build(), "hash").TextBlocks.ToList();
        var title = blocks.Single(b => b.Text == "BÁO CÁO");
        Assert.True(title.Centered);
        Assert.True(title.Bold);
        Assert.Contains(blocks, b => b.Text == "KT. GIÁM ĐỐC");
        Assert.Contains(blocks, b => b.Text == "PHÓ GIÁM ĐỐC");
    }

    [Fact]
    public void Merged_cells_become_spans_and_page_breaks_are_counted()
    {
        var content = new DocxReader().Read(Build(), "hash");
        var grid = Assert.Single(content.Tables).Grid;
        Assert.Equal((3, 3), (grid.Rows, grid.Cols));
        Assert.Equal(2, grid.At(1, 0)!.RowSpan);
        Assert.Equal(2, grid.At(0, 2)!.ColSpan);
        Assert.Equal("Trực tuyến", grid.TextAt(1, 2));
        Assert.Equal(2, grid.Page);
        Assert.Null(grid.At(2, 1)!.Box);
        Assert.Equal("docx", content.Source.Format);
    }
}
