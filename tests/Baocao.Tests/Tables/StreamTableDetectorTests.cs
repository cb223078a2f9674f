using Baocao.Documents;
using Baocao.Tables;
using static Baocao.Tests.TestPages;

namespace Baocao.Tests.Tables;

public class StreamTableDetectorTests
{
    // Column x positions of a small borderless table: STT, label, three figures.
    private static readonly double[] Xs = [50, 90, 300, 360, 420];

    private static List<Word> Row(double y, params string[] cells)
    {
        var words = new List<Word>();
        for (var c = 0; c < cells.Length; c++)
            if (cells[c].Length > 0) words.AddRange(Line(Xs[c], y, cells[c]));
        return words;
    }

    [Fact]
    public void A_borderless_table_is_found_with_its_rows_and_columns()
    {
        var words = new List<Word>();
        words.AddRange(Line(50, 40, "Đơn vị tính: hồ sơ"));                 // prose above: not part of the table
        words.AddRange(Row(80, "STT", "Lĩnh vực", "Tổng", "Online", "Khác"));
        words.AddRange(Row(100, "(1)", "(2)", "(3)", "(4)", "(5)"));
        words.AddRange(Row(120, "1", "Hộ tịch", "12", "5", "7"));
        words.AddRange(Line(90, 134, "và chứng thực"));                     // the label wraps
        words.AddRange(Row(150, "2", "Đất đai", "1.234", "34", "1.200"));
        words.AddRange(Row(170, "", "TỔNG CỘNG", "1.246", "39", "1.207"));
        words.AddRange(Line(50, 230, "Nơi nhận:"));
        var page = new LayoutPage(1, 595, 842, words, []);
        var t = Assert.Single(new StreamTableDetector().Detect(page, words));
        var g = t.Grid;
        Assert.Equal("stream", g.Detector);
        var dump = string.Join("\n", Enumerable.Range(0, g.Rows).Select(r => string.Join(" | ", Enumerable.Range(0, g.Cols).Select(c => g.TextAt(r, c)))));
        Assert.True(g.Cols == 5 && g.Rows == 5, dump);
        Assert.Equal("Online", g.TextAt(0, 3));
        Assert.Equal("(3)", g.TextAt(1, 2));
        Assert.Equal("Hộ tịch và chứng thực", g.TextAt(2, 1));
        Assert.Equal("1.200", g.TextAt(3, 4));
        Assert.Equal("TỔNG CỘNG", g.TextAt(4, 1));
        Assert.DoesNotContain(t.Words, w => w.Text is "Nơi" or "Đơn");
        Assert.NotNull(g.At(3, 4)!.Box);
    }

    [Fact]
    public void Prose_and_a_two_column_header_are_not_tables()
    {
        var words = new List<Word>();
        words.AddRange(Line(100, 50, "UBND TỈNH TRÀ VINH"));
        words.AddRange(Line(300, 50, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        words.AddRange(Line(100, 65, "SỞ TƯ PHÁP"));
        words.AddRange(Line(300, 65, "Độc lập - Tự do - Hạnh phúc"));
        for (var i = 0; i < 10; i++) words.AddRange(Line(85, 100 + 15 * i, "Số mới tiếp nhận trong kỳ: 61 hồ sơ, trực tuyến: 59 hồ sơ"));
        var page = new LayoutPage(1, 595, 842, words, []);
        Assert.Empty(new StreamTableDetector().Detect(page, words));
    }

    [Fact]
    public void Vertically_centred_labels_and_a_stacked_two_level_header()
    {
        // Header: "Hồ sơ" spans the two figure columns, "Tổng" and "Online" sit under it; STT and the label
        // heading are centred over both header levels. A wrapped label straddles its row's figure line.
        var words = new List<Word>();
        words.AddRange(Line(322, 60, "Hồ sơ"));          // centred over both figure columns
        words.AddRange(Line(50, 72, "STT"));
        words.AddRange(Line(90, 72, "Lĩnh vực"));
        words.AddRange(Line(290, 84, "Tổng"));
        words.AddRange(Line(355, 84, "Online"));
        words.AddRange(Row(104, "(1)", "(2)", "(3)", "(4)"));
        words.AddRange(Row(124, "1", "Hộ tịch", "12", "5"));
        words.AddRange(Line(90, 140, "Đo đạc, bản đồ"));
        words.AddRange(Row(147, "2", "", "4", "4"));
        words.AddRange(Line(90, 154, "và thông tin"));
        words.AddRange(Row(170, "", "TỔNG CỘNG", "16", "9"));
        var g = Assert.Single(new StreamTableDetector().Detect(new LayoutPage(1, 595, 842, words, []), words)).Grid;
        var dump = string.Join("\n", Enumerable.Range(0, g.Rows).Select(r => string.Join(" | ", Enumerable.Range(0, g.Cols).Select(c => g.TextAt(r, c)))));
        Assert.True(g.Rows == 6 && g.Cols == 4, dump);
        var group = g.At(0, 2)!;
        Assert.Equal(("Hồ sơ", 2), (group.Text, group.ColSpan));
        Assert.Equal("Online", g.TextAt(1, 3));
        Assert.Equal(2, g.At(0, 0)!.RowSpan);
        Assert.Equal("(4)", g.TextAt(2, 3));
        Assert.Equal("Đo đạc, bản đồ và thông tin", g.TextAt(4, 1));
        Assert.Equal("TỔNG CỘNG", g.TextAt(5, 1));
    }
}
