using Baocao.Documents;
using Baocao.Ocr;

namespace Baocao.Tests.Ocr;

/// <summary>The page assembly from a scan, with a fake page: no native code.</summary>
public class ScannedPageReaderTests
{
    /// <summary>A 300-dpi page with a ruled 3x3 grid; each cell answers with a fixed reading per mode.</summary>
    private sealed class FakeScan : IScanPage
    {
        // Grid in pixels: columns at 300, 600, 900, 1200; rows at 600, 750, 900, 1050.
        public int[] Xs = [300, 600, 900, 1200];
        public int[] Ys = [600, 750, 900, 1050];
        public readonly Dictionary<(int r, int c), Dictionary<OcrMode, OcrText>> Cells = new();
        public readonly List<(PixelRect rect, OcrMode mode)> Reads = [];
        public List<OcrWord> Prose = [new("BÁO", new PixelRect(1000, 200, 120, 40), 0.95), new("CÁO", new PixelRect(1140, 200, 120, 40), 0.93)];
        public double Ink = 0.05;

        public int Width => 2480;
        public int Height => 3508;
        public int Dpi => 300;
        public int QuarterTurns => 0;
        public double SkewDegrees => 0;
        public double InkRatio => Ink;
        public bool Ruled = true;
        public IReadOnlyList<RulingLine> Lines => !Ruled ? [] :
            [.. Ys.Select(y => new RulingLine(Xs[0], y, Xs[^1], y)), .. Xs.Select(x => new RulingLine(x, Ys[0], x, Ys[^1]))];

        private (int r, int c)? CellAt(PixelRect p)
        {
            var cx = p.X + p.W / 2;
            var cy = p.Y + p.H / 2;
            for (var r = 0; r < Ys.Length - 1; r++)
                for (var c = 0; c < Xs.Length - 1; c++)
                    if (cx > Xs[c] && cx < Xs[c + 1] && cy > Ys[r] && cy < Ys[r + 1]) return (r, c);
            return null;
        }

        public int InkIn(PixelRect r) => CellAt(r) is { } k && Cells.ContainsKey(k) ? 1000 : 0;
        public PixelRect? InkBox(PixelRect r) => InkIn(r) > 0 ? new PixelRect(r.X + r.W / 4, r.Y + r.H / 4, r.W / 2, r.H / 2) : null;

        public OcrText Read(PixelRect r, OcrMode mode)
        {
            Reads.Add((r, mode));
            if (CellAt(r) is { } k && Cells.TryGetValue(k, out var byMode))
                return byMode.TryGetValue(mode, out var t) ? t : byMode.ContainsKey(OcrMode.Numeric) || byMode[OcrMode.Text].Text.Length == 0 ? new OcrText("", 0) : byMode[OcrMode.Text];
            return new OcrText("", 0);
        }

        /// <summary>What the careful reading gives (default: the same as the quick one); how often it was asked for.</summary>
        public List<OcrWord>? ThoroughProse;
        public int ThoroughReads;

        public IReadOnlyList<OcrWord> ReadWords(IReadOnlyList<PixelRect> exclude, bool thorough = false)
        {
            if (thorough) ThoroughReads++;
            return (thorough ? ThoroughProse ?? Prose : Prose)
                .Where(w => !exclude.Any(e => w.Box.X >= e.X && w.Box.X < e.X + e.W && w.Box.Y >= e.Y && w.Box.Y < e.Y + e.H)).ToList();
        }

        public void Dispose() { }

        public void Set(int r, int c, string text, double conf = 0.9, string? numeric = null, double numericConf = 0.97)
        {
            Cells[(r, c)] = new() { [OcrMode.Text] = new OcrText(text, conf) };
            if (numeric is not null) Cells[(r, c)][OcrMode.Numeric] = new OcrText(numeric, numericConf);
        }

        /// <summary>A cell whose readings differ by mode (modes not given read as nothing).</summary>
        public void SetModes(int r, int c, params (OcrMode mode, string text)[] readings)
        {
            Cells[(r, c)] = new() { [OcrMode.Text] = new OcrText("", 0) };
            foreach (var (mode, text) in readings) Cells[(r, c)][mode] = new OcrText(text, 0.9);
        }
    }

    private static FakeScan Table()
    {
        var s = new FakeScan();
        s.Set(0, 0, "STT"); s.Set(0, 1, "Tổng"); s.Set(0, 2, "Online");
        s.Set(1, 0, "1", numeric: "1"); s.Set(1, 1, "5.66l", 0.6, "5.661"); s.Set(1, 2, "68,75", numeric: "68,75");
        s.Set(2, 0, "2", numeric: "2"); s.Set(2, 1, "1.194", numeric: "1.194"); // (2,2) is empty: never read
        return s;
    }

    [Fact]
    public void Cells_become_words_centred_in_their_cells_in_points()
    {
        var (page, warnings) = new ScannedPageReader().Read(Table(), 3);
        Assert.Empty(warnings);
        Assert.Equal(3, page.Number);
        Assert.Equal(2480 * 72.0 / 300, page.Width, 3);
        var tong = page.Words.Single(w => w.Text == "Tổng");
        // Cell (0,1) spans x 600..900 px = 144..216 pt: the word sits in its middle.
        Assert.InRange(tong.Box.CenterX, 175, 185);
        Assert.InRange(tong.Box.CenterY, 161, 163);
        Assert.Equal(8, page.Lines.Count);
    }

    [Fact]
    public void Figure_columns_are_read_again_with_the_digit_whitelist()
    {
        var scan = Table();
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        var fig = page.Words.Single(w => w.Text == "5.661");
        Assert.Equal(0.97, fig.Confidence, 3);
        Assert.DoesNotContain(page.Words, w => w.Text == "5.66l");
        Assert.Contains(scan.Reads, x => x.mode == OcrMode.Numeric);
        // The header cells of those columns are not re-read as figures.
        Assert.DoesNotContain(scan.Reads, x => x.mode == OcrMode.Numeric && x.rect.Y < scan.Ys[1]);
        Assert.Contains(page.Words, w => w.Text == "Online");
    }

    [Fact]
    public void Empty_cells_are_not_read_and_prose_outside_the_table_is()
    {
        var scan = Table();
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        Assert.DoesNotContain(scan.Reads, x => x.rect.X > scan.Xs[2] && x.rect.Y > scan.Ys[2]);
        Assert.Contains(page.Words, w => w.Text == "BÁO" && w.Confidence == 0.95);
    }

    [Fact]
    public void A_figure_that_only_reads_as_text_is_kept_as_read_and_marked_doubtful()
    {
        var scan = Table();
        scan.Set(1, 1, "5.661", 0.9, numeric: "5.661");
        scan.Set(2, 1, "1.l94", 0.9, numeric: "??");
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        var w = page.Words.Single(x => x.Text == "1.l94");
        Assert.True(w.Confidence <= 0.5);
    }

    [Fact]
    public void A_blank_page_is_reported_and_not_read()
    {
        var scan = Table();
        scan.Ink = 0.0001;
        var (page, warnings) = new ScannedPageReader().Read(scan, 4);
        Assert.Equal(["page 4: blank page (nothing to read)"], warnings);
        Assert.Empty(page.Words);
        Assert.Empty(scan.Reads);
    }

    /// <summary>A 6-column table: header, the column-number row, two body rows.</summary>
    private static FakeScan Wide()
    {
        var s = new FakeScan { Xs = [100, 300, 600, 800, 1000, 1200, 1400], Ys = [600, 750, 850, 950, 1050] };
        string[] head = ["STT", "Lĩnh vực", "Tổng số", "Trực tuyến", "Trực tiếp", "Quá hạn"];
        for (var c = 0; c < 6; c++) s.Set(0, c, head[c], 0.95);
        return s;
    }

    [Fact]
    public void An_unreadable_column_number_between_two_read_ones_follows_from_its_place_and_is_marked_doubtful()
    {
        var scan = Wide();
        scan.Set(1, 0, "(1)"); scan.Set(1, 1, "(2)"); scan.Set(1, 2, "(3)=(4)+(5)");
        scan.Set(1, 3, "(4)"); scan.Set(1, 4, ")", 0.7); scan.Set(1, 5, "(6)");
        for (var c = 0; c < 6; c++) scan.Set(2, c, c == 1 ? "Hộ tịch" : $"{c + 10}", numeric: c == 1 ? null : $"{c + 10}");
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        var five = page.Words.Single(w => w.Text == "(5)");
        Assert.Equal(0.5, five.Confidence, 3);
        Assert.DoesNotContain(page.Words, w => w.Text == ")");
    }

    [Fact]
    public void Among_column_number_readings_the_one_that_continues_the_numbering_wins()
    {
        var scan = Wide();
        scan.Set(1, 0, "(1)"); scan.Set(1, 1, "(2)"); scan.Set(1, 2, "(3)=(4)+(5)"); scan.Set(1, 3, "(4)");
        // Text gives "(9)", the first whitelist reading "(3)", the one-line reading "(5)": only "(5)" follows "(4)".
        scan.SetModes(1, 4, (OcrMode.Text, "(9)"), (OcrMode.ColumnNumber, "(3)"), (OcrMode.ColumnNumberLine, "(5)"));
        scan.Set(1, 5, "(6)");
        for (var c = 0; c < 6; c++) scan.Set(2, c, c == 1 ? "Hộ tịch" : $"{c + 10}", numeric: c == 1 ? null : $"{c + 10}");
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        Assert.Contains(page.Words, w => w.Text == "(5)" && w.Confidence > 0.5);
        Assert.DoesNotContain(page.Words, w => w.Text is "(9)" or "(3)");
    }

    [Fact]
    public void A_dash_the_language_model_drops_is_read_with_the_figure_characters()
    {
        var scan = Table();
        scan.SetModes(2, 2, (OcrMode.Numeric, "-"));
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        Assert.Contains(page.Words, w => w.Text == "-" && w.Box.CenterX > scan.Xs[2] * 72.0 / 300);
    }

    [Fact]
    public void A_group_mark_in_the_stt_column_and_a_heading_in_a_figure_column_are_not_read_as_figures()
    {
        var scan = Table();
        scan.Set(1, 0, "I", 0.95, numeric: "1");
        scan.Set(0, 1, "Số lượng hồ sơ", 0.95, numeric: "x");
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        Assert.Contains(page.Words, w => w.Text == "I");
        Assert.Contains(page.Words, w => w.Text == "Số lượng hồ sơ");
        Assert.DoesNotContain(page.Words, w => w.Text is "1" or "x");
    }

    [Fact]
    public void The_body_cells_of_a_table_without_ruling_lines_are_read_again_one_by_one()
    {
        // No ruling lines: whole-page OCR gave the words, one figure misread; each body cell read alone is right.
        var scan = new FakeScan { Ruled = false, Xs = [200, 300, 700, 900, 1100, 1300], Ys = [1000, 1100, 1200, 1300] };
        scan.Prose = [];
        string[][] rows = [["1", "Đất đai", "4.6O9", "1.320", "415"], ["2", "Môi trường", "116", "58", "17"], ["3", "Khoáng sản", "10", "2", "3"]];
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 5; c++)
            {
                var x = scan.Xs[c] + 20;
                scan.Prose.Add(new OcrWord(rows[r][c], new PixelRect(x, scan.Ys[r] + 35, 60 + 10 * rows[r][c].Length, 30), 0.6));
                var truth = rows[r][c] == "4.6O9" ? "4.609" : rows[r][c];
                scan.Set(r, c, truth, 0.9, numeric: c >= 2 || c == 0 ? truth : null);
            }
        // The careful reading also finds the caption above the table, which the quick one missed.
        scan.ThoroughProse = [.. scan.Prose, new OcrWord("TÌNH HÌNH", new PixelRect(300, 700, 300, 40), 0.9)];
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        Assert.Contains(page.Words, w => w.Text == "4.609");
        Assert.DoesNotContain(page.Words, w => w.Text == "4.6O9");
        Assert.Contains(scan.Reads, x => x.mode == OcrMode.Numeric);
        // The page holds a borderless table: it was read again carefully, and the table's words come from that reading.
        Assert.Equal(1, scan.ThoroughReads);
        Assert.Contains(page.Words, w => w.Text == "TÌNH HÌNH");
    }

    [Fact]
    public void A_page_of_prose_is_read_once_quickly()
    {
        var scan = new FakeScan { Ruled = false };
        scan.Prose = [new("Kính", new PixelRect(300, 400, 100, 40), 0.9), new("gửi:", new PixelRect(420, 400, 90, 40), 0.9),
                      new("Tổng", new PixelRect(300, 500, 110, 40), 0.9), new("số", new PixelRect(430, 500, 50, 40), 0.9), new("12", new PixelRect(500, 500, 50, 40), 0.9)];
        var (page, _) = new ScannedPageReader().Read(scan, 1);
        Assert.Equal(0, scan.ThoroughReads);
        Assert.Contains(page.Words, w => w.Text == "Kính");
    }
}
