using Baocao.Documents;
using Baocao.Ocr;
using Baocao.Tables;

namespace Baocao.Tests.Ocr;

/// <summary>The faint-rule search on grey images drawn in the test: no native code.</summary>
public class FaintRulesTests
{
    private const int Dpi = 150;

    /// <summary>A page of paper: level 245 on the left falling to <paramref name="right"/> on the right (uneven light).</summary>
    private static byte[] Paper(int w, int h, int right = 245)
    {
        var p = new byte[w * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++) p[y * w + x] = (byte)(245 - (245 - right) * x / (w - 1));
        return p;
    }

    /// <summary>Darkens a pixel by a number of grey levels (a rule drawn on the page, whatever the light there).</summary>
    private static void Darken(byte[] p, int w, int x, int y, int by) => p[y * w + x] = (byte)Math.Max(0, p[y * w + x] - by);

    /// <summary>The longest run of marked pixels on one row (or column) of the mask.</summary>
    private static int LongestRun(byte[] mask, int w, int h, int index, bool horizontal)
    {
        int best = 0, run = 0;
        for (var i = 0; i < (horizontal ? w : h); i++)
        {
            var on = horizontal ? mask[index * w + i] : mask[i * w + index];
            run = on != 0 ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }

    private static int MarkedOnRow(byte[] mask, int w, int y) => Enumerable.Range(0, w).Count(x => mask[y * w + x] != 0);

    [Fact]
    public void A_one_pixel_rule_40_levels_below_the_paper_is_marked_across_a_lighting_gradient()
    {
        const int w = 600, h = 120;
        var p = Paper(w, h, right: 170);          // the right edge is darker than the rule is on the left
        for (var x = 20; x < 580; x++) Darken(p, w, x, 60, 40);
        var mask = FaintRules.Mask(new GreyImage(w, h, p), Dpi, horizontal: true);
        var row = Enumerable.Range(57, 7).MaxBy(y => LongestRun(mask, w, h, y, true));
        Assert.InRange(row, 59, 61);
        Assert.True(LongestRun(mask, w, h, row, true) >= 520, $"run {LongestRun(mask, w, h, row, true)}");
        // Nothing is marked away from the rule: the gradient is no valley.
        Assert.All(Enumerable.Range(0, h).Where(y => Math.Abs(y - 60) > 3), y => Assert.Equal(0, MarkedOnRow(mask, w, y)));
    }

    [Fact]
    public void A_vertical_rule_is_found_by_the_vertical_mask_and_not_by_the_horizontal_one()
    {
        const int w = 200, h = 400;
        var p = Paper(w, h);
        for (var y = 10; y < 390; y++) Darken(p, w, 100, y, 35);
        var image = new GreyImage(w, h, p);
        Assert.True(LongestRun(FaintRules.Mask(image, Dpi, horizontal: false), w, h, 100, false) >= 360);
        Assert.Equal(0, FaintRules.Mask(image, Dpi, horizontal: true).Count(b => b != 0));
    }

    [Fact]
    public void A_flat_shaded_band_is_no_rule_but_a_rule_on_the_paper_beside_it_is()
    {
        const int w = 400, h = 120;
        var p = Paper(w, h);
        for (var y = 30; y < 90; y++)
            for (var x = 0; x < w; x++) p[y * w + x] = 205;   // a shaded header row
        var plain = FaintRules.Mask(new GreyImage(w, h, (byte[])p.Clone()), Dpi, horizontal: true);
        Assert.All(Enumerable.Range(0, h), y => Assert.True(LongestRun(plain, w, h, y, true) == 0, $"row {y}"));
        for (var x = 0; x < w; x++) Darken(p, w, x, 105, 45);
        var ruled = FaintRules.Mask(new GreyImage(w, h, p), Dpi, horizontal: true);
        Assert.True(LongestRun(ruled, w, h, 105, true) >= 380);
        Assert.All(Enumerable.Range(0, 100), y => Assert.True(LongestRun(ruled, w, h, y, true) == 0, $"row {y}"));
    }

    [Fact]
    public void A_line_of_ring_shaped_letters_leaves_no_long_run()
    {
        // "ooooo…": rings 8 px wide and 10 high, 3 px apart, dark on paper. Their tops and bottoms are valleys across
        // a row, but with ink beside them; the rule mask must not give a run a quarter inch long.
        const int w = 600, h = 80;
        var p = Paper(w, h);
        for (var x0 = 10; x0 + 8 < w - 10; x0 += 11)
            for (var i = 0; i < 8; i++)
                for (var j = 0; j < 10; j++)
                    if (i == 0 || i == 7 || j == 0 || j == 9) p[(30 + j) * w + x0 + i] = 30;
        var mask = FaintRules.Mask(new GreyImage(w, h, p), Dpi, horizontal: true);
        Assert.All(Enumerable.Range(0, h), y => Assert.True(LongestRun(mask, w, h, y, true) < Dpi / 4, $"row {y}: run {LongestRun(mask, w, h, y, true)}"));
    }

    [Fact]
    public void The_paper_level_spread_tells_an_evenly_lit_page_from_a_gradient()
    {
        Assert.True(PaperLevel.Of(new GreyImage(600, 600, Paper(600, 600)), Dpi).Spread <= 2);
        Assert.True(PaperLevel.Of(new GreyImage(600, 600, Paper(600, 600, right: 160)), Dpi).Spread >= 60);
    }

    [Fact]
    public void Lines_already_found_are_not_added_twice_but_longer_or_new_ones_are()
    {
        List<RulingLine> found = [new(100, 50, 400, 50), new(100, 50, 100, 300)];
        var added = FaintRules.AddNew(found,
        [
            new(102, 51, 398, 51),     // the same rule, a pixel lower
            new(100, 52, 900, 52),     // the same row but far longer: the faint pass saw the whole rule
            new(100, 120, 400, 120),   // a rule the binary page lost
            new(101, 60, 101, 200),    // a vertical inside the found one
        ], tolerance: 3);
        Assert.Equal(4, added.Count);
        Assert.Contains(new RulingLine(100, 52, 900, 52), added);
        Assert.Contains(new RulingLine(100, 120, 400, 120), added);
    }
}

/// <summary>A grid whose rows ran together is said, not accepted silently.</summary>
public class CrowdedRowTests
{
    private static GridCell Cell(int row, int col) => new(row, col, 1, 1, "", 1, new BBox(col * 50, row * 20, col * 50 + 50, row * 20 + 20));

    [Fact]
    public void A_cell_holding_several_lines_of_figures_is_a_crowded_row()
    {
        var read = new Dictionary<GridCell, string>
        {
            [Cell(0, 0)] = "Tổng số",
            [Cell(1, 0)] = "3.252\n2.788\n3.939\n1.838\n",
            [Cell(1, 1)] = "1.755 1.497\n605 2.059\n2.307 1.473",
        };
        Assert.Equal(4, ScannedPageReader.CrowdedRow(read));
    }

    [Fact]
    public void A_wrapped_label_is_not_a_crowded_row()
    {
        var read = new Dictionary<GridCell, string>
        {
            [Cell(1, 1)] = "Tổ\nchức\nphi\nchính\nphủ",   // five lines, no figure
            [Cell(1, 2)] = "3.939",
        };
        Assert.Null(ScannedPageReader.CrowdedRow(read));
    }
}

/// <summary>Which ruled grids of a scan are tables whose inner vertical rules are missing.</summary>
public class UnsplitGridTests
{
    private static CellGrid Grid(int rows, int cols, Func<int, int> spanOfRow)
    {
        var cells = new List<GridCell>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c += spanOfRow(r))
                cells.Add(new GridCell(r, c, 1, Math.Min(spanOfRow(r), cols - c), "", 1, new BBox(c * 40, r * 20, (c + spanOfRow(r)) * 40, r * 20 + 20)));
        return new CellGrid(rows, cols, cells, 1, new BBox(0, 0, cols * 40, rows * 20), "lattice");
    }

    [Fact]
    public void Body_rows_one_cell_wide_under_a_ruled_header_are_unsplit() =>
        Assert.True(ScannedPageReader.Unsplit(Grid(6, 4, r => r == 0 ? 1 : 4)));

    [Fact]
    public void A_grid_of_one_column_is_unsplit_and_a_full_grid_is_not()
    {
        Assert.True(ScannedPageReader.Unsplit(Grid(5, 1, _ => 1)));
        Assert.False(ScannedPageReader.Unsplit(Grid(6, 4, _ => 1)));
        Assert.False(ScannedPageReader.Unsplit(Grid(2, 1, _ => 1)));   // two rows: too little to call it a table
    }
}

/// <summary>How a scanned page is turned upright from Leptonica's and Tesseract's verdicts.</summary>
public class OrientationDecisionTests
{
    [Fact]
    public void A_confident_tesseract_overrules_leptonica_between_upright_and_upside_down()
    {
        Assert.Equal(0, ScanPreparation.DecideTurns(2, 0, 12.6));
        Assert.Equal(2, ScanPreparation.DecideTurns(0, 180, 12.3));
    }

    [Fact]
    public void A_weak_or_sideways_or_missing_tesseract_verdict_leaves_leptonicas()
    {
        Assert.Equal(2, ScanPreparation.DecideTurns(2, 0, 1.5));
        Assert.Equal(1, ScanPreparation.DecideTurns(1, 270, 20));
        Assert.Equal(0, ScanPreparation.DecideTurns(0, null, null));
    }

    [Fact]
    public void Tesseract_is_asked_only_when_leptonica_is_not_sure_of_upright()
    {
        Assert.False(ScanPreparation.AskOrientation(20.3, -0.1));
        Assert.True(ScanPreparation.AskOrientation(10.2, -1.6));
        Assert.True(ScanPreparation.AskOrientation(-43.9, -0.2));
        Assert.True(ScanPreparation.AskOrientation(16, 30));
    }
}
