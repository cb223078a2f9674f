using Baocao.Documents;
using Baocao.Tables;

namespace Baocao.Tests.Tables;

public class TableStitcherTests
{
    private static CellGrid WithBox(CellGrid g, int page) =>
        new(g.Rows, g.Cols, g.Cells.Select(c => c with { Page = page }).ToList(), page, new BBox(50, 60, 540, 700), "lattice");

    [Fact]
    public void A_table_continued_on_the_next_page_is_one_table_without_the_repeated_header()
    {
        var a = WithBox(TestGrids.Build(["STT", "Lĩnh vực", "Tổng"], ["(1)", "(2)", "(3)"], ["1", "Hộ tịch", "5"]), 1);
        var b = WithBox(TestGrids.Build(["STT", "Lĩnh vực", "Tổng"], ["(1)", "(2)", "(3)"], ["2", "Chứng thực", "7"]), 2);
        var blocks = new List<Block> { new TableBlock(a), new TextBlock("2", 2, null, Side.Full, true, false), new TableBlock(b) };
        var stitched = TableStitcher.Stitch(blocks);
        var g = Assert.IsType<TableBlock>(Assert.Single(stitched)).Grid;
        Assert.Equal(4, g.Rows);
        Assert.Equal("Chứng thực", g.TextAt(3, 1));
        Assert.Equal(2, g.At(3, 1)!.Page);
    }

    [Fact]
    public void A_label_running_over_the_page_break_joins_its_row()
    {
        var a = WithBox(TestGrids.Build(["STT", "Thủ tục", "Số"], ["(1)", "(2)", "(3)"], ["1.1", "Thủ tục cấp lại giấy xác nhận", "0"]), 1);
        var b = WithBox(TestGrids.Build(["", "hoạt động phát hành", ""], ["1.2", "Thủ tục cấp giấy phép", "1"]), 2);
        var g = ((TableBlock)TableStitcher.Stitch([new TableBlock(a), new TableBlock(b)]).Single()).Grid;
        Assert.Equal(4, g.Rows);
        Assert.Equal("Thủ tục cấp lại giấy xác nhận hoạt động phát hành", g.TextAt(2, 1));
        Assert.Equal("1.2", g.TextAt(3, 0));
    }

    [Fact]
    public void Tables_with_text_between_them_stay_apart()
    {
        var a = WithBox(TestGrids.Build(["STT", "Tổng"], ["1", "5"]), 1);
        var b = WithBox(TestGrids.Build(["STT", "Tổng"], ["1", "7"]), 2);
        var blocks = new List<Block> { new TableBlock(a), new TextBlock("Biểu số II.07b/VPCP/KSTT", 2, null, Side.Left, false, false), new TableBlock(b) };
        Assert.Equal(3, TableStitcher.Stitch(blocks).Count);
    }

    [Fact]
    public void Tables_with_different_columns_stay_apart()
    {
        var a = WithBox(TestGrids.Build(["STT", "Tổng"], ["1", "5"]), 1);
        var b = WithBox(TestGrids.Build(["STT", "Tổng", "Khác"], ["1", "7", "8"]), 2);
        Assert.Equal(2, TableStitcher.Stitch([new TableBlock(a), new TableBlock(b)]).Count);
    }

    [Fact]
    public void A_repeated_header_read_with_other_tone_marks_by_ocr_is_still_dropped()
    {
        var a = WithBox(TestGrids.Build(["STT", "Tên đơn vị", "Tổng số hồ sơ tiếp nhận"], ["1", "Sở Tư pháp", "41"]), 1);
        var b = WithBox(TestGrids.Build(["STT", "Tên đơn vi", "Tống số hồ sơ tiếp nhân"], ["2", "Sở Y tế", "7"]), 2);
        var g = ((TableBlock)TableStitcher.Stitch([new TableBlock(a), new TableBlock(b)]).Single()).Grid;
        Assert.Equal(3, g.Rows);
        Assert.Equal("Sở Y tế", g.TextAt(2, 1));
    }
}
