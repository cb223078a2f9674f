using Baocao.Documents;
using Baocao.Tables;
using static Baocao.Tests.TestPages;

namespace Baocao.Tests.Tables;

public class LatticeTableDetectorTests
{
    // A 3x3 ruled grid: STT spans two header rows; "Số lượng hồ sơ" spans two columns.
    private static LayoutPage MergedHeaderPage(double yOffset = 0, int number = 1)
    {
        double y(double v) => v + yOffset;
        var lines = new List<RulingLine>
        {
            H(50, 300, y(100)), H(100, 300, y(130)), H(50, 300, y(160)), H(50, 300, y(190)),
            V(50, y(100), y(190)), V(100, y(100), y(190)), V(200, y(130), y(190)), V(300, y(100), y(190)),
        };
        var words = new List<Word>
        {
            In(50, y(100), 100, y(160), "STT"),
            In(100, y(100), 300, y(130), "Số"), // one word per cell keeps the test simple
            In(100, y(130), 200, y(160), "Tổng"),
            In(200, y(130), 300, y(160), "Online"),
            In(50, y(160), 100, y(190), "1"),
            In(100, y(160), 200, y(190), "5.661"),
            In(200, y(160), 300, y(190), "68,75"),
        };
        return new LayoutPage(number, 595, 842, words, lines);
    }

    [Fact]
    public void Missing_borders_become_row_and_column_spans()
    {
        var page = MergedHeaderPage();
        var tables = new LatticeTableDetector().Detect(page, page.Words);
        var g = Assert.Single(tables).Grid;
        Assert.Equal(3, g.Rows);
        Assert.Equal(3, g.Cols);
        var stt = g.At(1, 0)!;
        Assert.Equal((0, 0, 2, 1), (stt.Row, stt.Col, stt.RowSpan, stt.ColSpan));
        Assert.Equal("STT", stt.Text);
        var group = g.At(0, 2)!;
        Assert.Equal((0, 1, 1, 2), (group.Row, group.Col, group.RowSpan, group.ColSpan));
        Assert.Equal("Số", group.Text);
        Assert.Equal("Online", g.TextAt(1, 2));
        Assert.Equal("68,75", g.TextAt(2, 2));
        Assert.Equal(new BBox(200, 160, 300, 190), g.At(2, 2)!.Box);
        Assert.Equal(7, tables[0].Words.Count);
    }

    [Fact]
    public void Cell_text_keeps_reading_order_across_lines()
    {
        var lines = new List<RulingLine> { H(0, 200, 0), H(0, 200, 40), H(0, 200, 80), V(0, 0, 80), V(100, 0, 80), V(200, 0, 80) };
        var words = new List<Word>();
        words.AddRange(Line(5, 5, "Lĩnh vực"));
        words.AddRange(Line(5, 20, "giải quyết"));
        words.AddRange(Line(105, 45, "12"));
        var page = new LayoutPage(1, 595, 842, words, lines);
        var g = new LatticeTableDetector().Detect(page, words).Single().Grid;
        Assert.Equal("Lĩnh vực giải quyết", g.TextAt(0, 0));
        Assert.Equal("12", g.TextAt(1, 1));
    }

    [Fact]
    public void A_single_framed_box_is_not_a_table()
    {
        var lines = new List<RulingLine> { H(0, 200, 0), H(0, 200, 40), V(0, 0, 40), V(200, 0, 40) };
        var page = new LayoutPage(1, 595, 842, Line(5, 5, "Ghi chú"), lines);
        Assert.Empty(new LatticeTableDetector().Detect(page, page.Words));
    }

    [Fact]
    public void Two_separate_grids_are_two_tables_in_page_order()
    {
        var a = MergedHeaderPage();
        var b = MergedHeaderPage(300);
        var page = new LayoutPage(1, 595, 842, [.. b.Words, .. a.Words], [.. b.Lines, .. a.Lines]);
        var tables = new LatticeTableDetector().Detect(page, page.Words);
        Assert.Equal(2, tables.Count);
        Assert.True(tables[0].Grid.Box!.Value.Y0 < tables[1].Grid.Box!.Value.Y0);
    }

    [Fact]
    public void Borders_drawn_cell_by_cell_are_joined()
    {
        // Each border segment drawn per cell, with small gaps: still one 1x2 grid.
        var lines = new List<RulingLine>
        {
            H(0, 100, 0), H(101, 200, 0), H(0, 100, 30), H(101, 200, 30),
            V(0, 0, 30), V(100, 0, 30), V(200, 0, 30),
        };
        var words = new List<Word> { In(0, 0, 100, 30, "a"), In(100, 0, 200, 30, "b") };
        var g = new LatticeTableDetector().Detect(new LayoutPage(1, 595, 842, words, lines), words).Single().Grid;
        Assert.Equal((1, 2), (g.Rows, g.Cols));
        Assert.Equal("b", g.TextAt(0, 1));
    }

    // A LibreOffice/Word style: outer frame, horizontal rules only. "Số hồ sơ đã giải quyết" spans two columns and
    // has a rule under it only over those columns; STT and "Chỉ tiêu" span both header rows.
    private static LayoutPage HorizontalRulesOnlyPage()
    {
        var lines = new List<RulingLine>
        {
            H(50, 400, 100), H(180, 400, 130), H(50, 400, 160), H(50, 400, 190), H(50, 400, 220),
            V(50, 100, 220), V(400, 100, 220),
        };
        var words = new List<Word>();
        words.AddRange(Line(55, 109, "STT"));
        words.AddRange(Line(90, 109, "Chỉ tiêu"));
        words.AddRange(Line(200, 109, "Số hồ sơ đã giải quyết"));
        words.AddRange(Line(220, 139, "Tổng"));
        words.AddRange(Line(290, 139, "Online"));
        foreach (var (y, stt, label, a, b) in new[] { (169.0, "1", "Xã A", "1.234", "56"), (199.0, "2", "Phường B", "987", "12") })
        {
            words.AddRange(Line(55, y, stt));
            words.AddRange(Line(90, y, label));
            words.AddRange(Line(220, y, a));
            words.AddRange(Line(300, y, b));
        }
        return new LayoutPage(1, 595, 842, words, lines);
    }

    [Fact]
    public void Without_inner_vertical_rules_the_columns_come_from_the_words_alignment()
    {
        var page = HorizontalRulesOnlyPage();
        var t = Assert.Single(new LatticeTableDetector().Detect(page, page.Words));
        var g = t.Grid;
        Assert.Equal((4, 4), (g.Rows, g.Cols));
        Assert.Null(g.Warning);
        var stt = g.At(1, 0)!;
        Assert.Equal(("STT", 0, 0, 2, 1), (stt.Text, stt.Row, stt.Col, stt.RowSpan, stt.ColSpan));
        Assert.Equal("Chỉ tiêu", g.At(1, 1)!.Text);
        Assert.Equal(2, g.At(0, 1)!.RowSpan);
        var group = g.At(0, 3)!;
        Assert.Equal(("Số hồ sơ đã giải quyết", 0, 2, 1, 2), (group.Text, group.Row, group.Col, group.RowSpan, group.ColSpan));
        Assert.Equal("Tổng", g.TextAt(1, 2));
        Assert.Equal("Online", g.TextAt(1, 3));
        Assert.Equal(["1", "Xã A", "1.234", "56"], Enumerable.Range(0, 4).Select(c => g.TextAt(2, c)));
        Assert.Equal(["2", "Phường B", "987", "12"], Enumerable.Range(0, 4).Select(c => g.TextAt(3, c)));
        Assert.Equal(page.Words.Count, t.Words.Count);
    }

    [Fact]
    public void A_one_column_grid_of_figures_that_cannot_be_split_carries_a_warning()
    {
        // The figures of the two rows overlap each other horizontally, so no gap separates columns.
        var lines = new List<RulingLine> { H(50, 200, 100), H(50, 200, 130), H(50, 200, 160), V(50, 100, 160), V(200, 100, 160) };
        var words = new List<Word>
        {
            new("1.234", new BBox(60, 109, 90, 121)), new("5.678", new BBox(100, 109, 130, 121)),
            new("123.456", new BBox(70, 139, 112, 151)), new("7", new BBox(125, 139, 131, 151)),
        };
        var g = Assert.Single(new LatticeTableDetector().Detect(new LayoutPage(1, 595, 842, words, lines), words)).Grid;
        Assert.Equal((2, 1), (g.Rows, g.Cols));
        Assert.Contains("could not be split", g.Warning);
    }

    // A scan of a table printed without inner vertical rules, as found (seed 7 of the sweep): the frame's side rules,
    // a rule under every row, and the header's own column rules (x 200 and 260) that stop at the header's bottom.
    // STT and the names share the first ruled column; no row holds two figures in one ruled column.
    private static LayoutPage HeaderRuledOnlyPage(bool bottomRule = true)
    {
        var lines = new List<RulingLine>
        {
            H(50, 320, 100), H(50, 320, 130), H(50, 320, 145), H(50, 320, 160), H(50, 320, 175),
            V(50, 100, bottomRule ? 190 : 192), V(320, 100, bottomRule ? 190 : 192), V(200, 100, 130), V(260, 100, 130),
        };
        if (bottomRule) lines.Add(H(50, 320, 190));
        var words = new List<Word>();
        words.AddRange(Line(55, 109, "STT Đơn vị"));
        words.AddRange(Line(205, 109, "Tổng"));
        words.AddRange(Line(265, 109, "Quá"));
        words.AddRange(Line(55, 134, "(1)"));
        words.AddRange(Line(110, 134, "(2)"));
        words.AddRange(Line(215, 134, "(3)"));
        words.AddRange(Line(275, 134, "(4)"));
        foreach (var (y, stt, label, a, b) in new[] { (149.0, "1", "Xã An Phú", "59", "7"), (164.0, "2", "Xã Cát Hải", "105", "-"), (179.0, "3", "Thị trấn Long Hòa", "4", "12") })
        {
            words.AddRange(Line(60, y, stt));
            words.AddRange(Line(80, y, label));
            words.AddRange(Line(215, y, a));
            words.AddRange(Line(280, y, b));
        }
        return new LayoutPage(1, 595, 842, words, lines);
    }

    [Fact]
    public void Column_rules_drawn_through_the_header_only_divide_the_body_too()
    {
        var page = HeaderRuledOnlyPage();
        var g = Assert.Single(new LatticeTableDetector().Detect(page, page.Words)).Grid;
        Assert.Equal((5, 4), (g.Rows, g.Cols));
        Assert.Equal(["(1)", "(2)", "(3)", "(4)"], Enumerable.Range(0, 4).Select(c => g.TextAt(1, c)));
        Assert.Equal(["1", "Xã An Phú", "59", "7"], Enumerable.Range(0, 4).Select(c => g.TextAt(2, c)));
        Assert.Equal(["2", "Xã Cát Hải", "105", "-"], Enumerable.Range(0, 4).Select(c => g.TextAt(3, c)));
        Assert.Equal(["3", "Thị trấn Long Hòa", "4", "12"], Enumerable.Range(0, 4).Select(c => g.TextAt(4, c)));
        // The header's first cell ("STT Đơn vị" on one line, no gap between them) is not split.
        Assert.Equal(2, g.At(0, 0)!.ColSpan);
    }

    [Fact]
    public void A_label_across_a_header_only_column_rule_keeps_its_span()
    {
        var page = HeaderRuledOnlyPage();
        // The last row's label runs past x 200 (a total row, "TỔNG CỘNG CÁC XÃ" printed wide): not cut there.
        var words = page.Words.Where(w => w.Box.Y0 < 178).ToList();
        words.AddRange(Line(60, 179, "3"));
        words.AddRange(Line(80, 179, "Tổng cộng các xã và thị trấn"));
        words.AddRange(Line(280, 179, "12"));
        page = page with { Words = words };
        var g = Assert.Single(new LatticeTableDetector().Detect(page, page.Words)).Grid;
        var label = g.At(4, 1)!;
        Assert.Equal(("Tổng cộng các xã và thị trấn", 1, 2), (label.Text, label.Col, label.ColSpan));
        Assert.Equal("59", g.TextAt(2, 2));
    }

    [Fact]
    public void A_last_row_whose_bottom_rule_was_not_found_is_closed_by_the_side_rules()
    {
        var page = HeaderRuledOnlyPage(bottomRule: false);
        var g = Assert.Single(new LatticeTableDetector().Detect(page, page.Words)).Grid;
        Assert.Equal(5, g.Rows);
        Assert.Equal(["3", "Thị trấn Long Hòa", "4", "12"], Enumerable.Range(0, 4).Select(c => g.TextAt(4, c)));
        Assert.Equal(192, g.Box!.Value.Y1, 3);
    }

    [Fact]
    public void Side_rules_running_on_past_the_last_rule_over_nothing_add_no_row()
    {
        var page = HeaderRuledOnlyPage(bottomRule: false);
        page = page with { Words = page.Words.Where(w => w.Box.Y0 < 178).ToList() };
        var g = Assert.Single(new LatticeTableDetector().Detect(page, page.Words)).Grid;
        Assert.Equal(4, g.Rows);
        Assert.Equal(175, g.Box!.Value.Y1, 3);
    }

    // A scan's rows as whole-page OCR locates them (seed 9 of the sweep): horizontal rules and the frame only, four
    // figure columns, and in some rows a box OCR stretched over specks or run together across two columns.
    private static LayoutPage NoisyFigureRowsPage(bool noise)
    {
        var lines = new List<RulingLine> { V(50, 100, 100 + 12 * 15), V(330, 100, 100 + 12 * 15) };
        for (var i = 0; i <= 12; i++) lines.Add(H(50, 330, 100 + 15 * i));
        var words = new List<Word>();
        for (var i = 0; i < 12; i++)
        {
            var y = 103 + 15 * i;
            words.AddRange(Line(60, y, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 9));
            foreach (var x in new[] { 120.0, 180, 240, 300 }) words.AddRange(Line(x, y, "12", 9));
        }
        if (noise)
        {
            words.Add(new Word("0", new BBox(180, 103, 230, 112)));            // "0" stretched 50 pt wide
            words.Add(new Word("3...3..0...0", new BBox(120, 118, 320, 127))); // figures run together
            words.Add(new Word("muinEiidiyencibi", new BBox(125, 132.5, 310, 133.5))); // a rule read as letters
        }
        return new LayoutPage(1, 595, 842, words, lines);
    }

    [Fact]
    public void Stretched_and_run_together_OCR_boxes_do_not_join_the_columns()
    {
        var clean = NoisyFigureRowsPage(noise: false);
        var expected = Assert.Single(new LatticeTableDetector().Detect(clean, clean.Words)).Grid;
        Assert.Equal((12, 5), (expected.Rows, expected.Cols));
        var page = NoisyFigureRowsPage(noise: true);
        var g = Assert.Single(new LatticeTableDetector().Detect(page, page.Words)).Grid;
        Assert.Equal((12, 5), (g.Rows, g.Cols));
        // The rows without noise read as the clean table's; the noisy rows are still cut at every column.
        Assert.Equal(["4", "12", "12", "12", "12"], Enumerable.Range(0, 5).Select(c => g.TextAt(3, c)));
        Assert.Equal(5, g.Cells.Count(c => c.Row == 1));
        Assert.Equal(5, g.Cells.Count(c => c.Row == 2));
        Assert.Null(g.Warning);
    }
}
