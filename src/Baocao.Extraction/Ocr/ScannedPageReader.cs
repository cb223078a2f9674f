using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Tables;
using Baocao.Text;

namespace Baocao.Ocr;

/// <summary>Thresholds of the scanned-page reader.</summary>
/// <param name="BlankInk">A page with less dark area than this is blank.</param>
/// <param name="CellInkPixels">A cell with fewer dark pixels than this (per 300 dpi) is empty and is not read.</param>
/// <param name="CellInsetPoints">How far inside the ruling lines a cell is read, so the lines are not read as letters.</param>
public sealed record ScanOptions(double BlankInk = 0.0008, int CellInkPixels = 14, double CellInsetPoints = 1.6);

/// <summary>
/// Builds a page of words and ruling lines from a scanned page, the same record a digital PDF page gives, so table
/// detection, interpretation, mapping and checks are shared. The grid comes first: whole-page OCR garbles table
/// rows, so the ruling lines found in the image give the cells, and each cell is read on its own — figures with a
/// digit whitelist — becoming one word centred in its cell. Text outside the tables is read as words.
/// </summary>
/// <param name="lexicon">The known phrases whose marks text cells take (the pipeline's: the canonical names and the
/// form words); <see cref="OcrLexicon.Forms"/> when none is given.</param>
public sealed partial class ScannedPageReader(ScanOptions? options = null, OcrLexicon? lexicon = null)
{
    private readonly ScanOptions _o = options ?? new ScanOptions();
    private readonly OcrLexicon _lexicon = lexicon ?? OcrLexicon.Forms;
    private readonly LatticeTableDetector _lattice = new();
    private readonly StreamTableDetector _stream = new();
    private static readonly bool TraceCells = Environment.GetEnvironmentVariable("BAOCAO_TRACE_CELLS") == "1";

    public (LayoutPage Page, IReadOnlyList<string> Warnings) Read(IScanPage scan, int pageNumber)
    {
        var warnings = new List<string>();
        var toPoints = 72.0 / scan.Dpi;
        var toPixels = scan.Dpi / 72.0;
        var width = scan.Width * toPoints;
        var height = scan.Height * toPoints;
        if (scan.Width < 16 || scan.Height < 16)
        {
            warnings.Add($"page {pageNumber}: the image is too small to read ({scan.Width}×{scan.Height} px)");
            return (new LayoutPage(pageNumber, Math.Max(width, 1), Math.Max(height, 1), [], []), warnings);
        }
        if (scan.InkRatio < _o.BlankInk)
        {
            warnings.Add($"page {pageNumber}: blank page (nothing to read)");
            return (new LayoutPage(pageNumber, width, height, [], []), warnings);
        }

        var lines = scan.Lines.Select(l => new RulingLine(l.X0 * toPoints, l.Y0 * toPoints, l.X1 * toPoints, l.Y1 * toPoints)).ToList();
        var grids = _lattice.Detect(new LayoutPage(pageNumber, width, height, [], lines), []).Select(t => t.Grid).ToList();
        // A photo's texture, brought out by the uneven-light normalisation, can look like hundreds of faint rules. No
        // printed table has columns narrower, on average, than a figure of two digits (about 12 pt): such a "grid" is
        // dropped, and said.
        foreach (var dense in grids.Where(TooDense).ToList())
        {
            grids.Remove(dense);
            warnings.Add($"page {pageNumber}: a pattern of {dense.Rows}×{dense.Cols} lines too dense for a printed table was not read as one (a photo or a texture?)");
        }
        // A ruled table without inner vertical rules gives a grid of one or two columns. The lattice detector splits
        // such a grid by the words' alignment (as on a digital page), so the page's words are read once first, for
        // their boxes only; the cells are then read one by one as in any grid.
        if (grids.Any(Unsplit))
        {
            var located = scan.ReadWords([], false)
                .Select(w => new Word(VietText.Clean(w.Text), new BBox(w.Box.X * toPoints, w.Box.Y * toPoints, (w.Box.X + w.Box.W) * toPoints, (w.Box.Y + w.Box.H) * toPoints), w.Confidence))
                .Where(w => w.Text.Length > 0).ToList();
            // For debugging the table detectors without OCR: BAOCAO_DUMP_LAYOUT=folder writes the rules and the located
            // words of each such page there (one "L x0 y0 x1 y1" or "W x0 y0 x1 y1 confidence text" per line, in points).
            if (Environment.GetEnvironmentVariable("BAOCAO_DUMP_LAYOUT") is { Length: > 0 } dumpDir)
            {
                using var sw = new StreamWriter(Path.Combine(dumpDir, $"layout-p{pageNumber}.txt"));
                sw.WriteLine(FormattableString.Invariant($"page {width} {height}"));
                foreach (var l in lines) sw.WriteLine(FormattableString.Invariant($"L {l.X0} {l.Y0} {l.X1} {l.Y1}"));
                foreach (var w in located) sw.WriteLine(FormattableString.Invariant($"W {w.Box.X0} {w.Box.Y0} {w.Box.X1} {w.Box.Y1} {w.Confidence} {w.Text}"));
            }
            var split = _lattice.Detect(new LayoutPage(pageNumber, width, height, located, lines), located).Select(t => t.Grid).ToList();
            if (split.Count == grids.Count && split.Sum(g => g.Cols) > grids.Sum(g => g.Cols)) grids = split;
        }

        // Every cell read as text first; the column-number row and the columns of figures are then read again.
        var cellWords = new Dictionary<GridCell, Word>();
        var minInk = (int)(_o.CellInkPixels * scan.Dpi / 300.0 * scan.Dpi / 300.0);
        PixelRect RectOf(GridCell cell) => PixelRect.FromPoints(cell.Box!.Value, toPixels, _o.CellInsetPoints * toPixels);
        foreach (var grid in grids)
        {
            var rawText = new Dictionary<GridCell, string>();   // as read, line breaks kept
            var inked = new HashSet<GridCell>();
            foreach (var cell in grid.Cells)
            {
                var rect = RectOf(cell);
                if (scan.InkIn(rect) < minInk) continue;
                inked.Add(cell);
                var r = scan.Read(rect, OcrMode.Text);
                if (TraceCells) Console.Error.WriteLine($"cell r{cell.Row} c{cell.Col} at {rect.X}_{rect.Y} text «{r.Text.Trim()}» {r.Confidence:0.00}");
                // The language model drops a lone "-" or "x"; read with the figure characters, it stays.
                if (VietText.Clean(r.Text).Length == 0) r = scan.Read(rect, OcrMode.Numeric) is { } f && Figure().IsMatch(VietText.Clean(f.Text)) ? f : r;
                if (VietText.Clean(r.Text).Length == 0) continue;
                cellWords[cell] = new Word(_lexicon.Restore(r.Text), Shrink(cell.Box!.Value, _lexicon.Restore(r.Text)), r.Confidence);
                rawText[cell] = r.Text;
            }
            var numberRow = NumberRows(grid, cellWords).Cast<int?>().FirstOrDefault() ?? RowAboveFirstDataRow(grid, cellWords);
            if (numberRow is { } nr) ReadNumberRow(scan, grid, nr, inked, cellWords, RectOf);
            ReadFigures(scan, grid, numberRow, inked, cellWords, RectOf);
            if (CrowdedRow(rawText) is { } crowded)
                warnings.Add($"page {pageNumber}: a ruled table (rows {grid.Box!.Value.Y0:0}-{grid.Box!.Value.Y1:0} pt) has a row holding {crowded} lines of text in one cell: its row rules were not found, and its body rows are not separated");
        }

        var exclude = grids.Select(g => PixelRect.FromPoints(g.Box!.Value, toPixels, -2)).ToList();
        List<Word> ReadWords(bool thorough) => scan.ReadWords(exclude, thorough)
            .Select(w => new Word(VietText.Clean(w.Text), new BBox(w.Box.X * toPoints, w.Box.Y * toPoints, (w.Box.X + w.Box.W) * toPoints, (w.Box.Y + w.Box.H) * toPoints), w.Confidence))
            .Where(w => w.Text.Length > 0)
            .ToList();
        var words = ReadWords(false);
        // A page whose text holds a borderless table is read again, more carefully: its columns and headings come from
        // this reading alone; then its body cells are read again one by one.
        if (grids.Count == 0 && BorderlessTables(new LayoutPage(pageNumber, width, height, words, lines), words).Any())
        {
            words = ReadWords(true);
            words = RereadBorderlessTables(scan, new LayoutPage(pageNumber, width, height, words, lines), words);
        }
        if (words.Count == 0 && cellWords.Count == 0)
            warnings.Add($"page {pageNumber}: no text recognised (an image without text?)");
        return (new LayoutPage(pageNumber, width, height, [.. words, .. cellWords.Values], lines), warnings);
    }

    /// <summary>Whether a grid's columns are, on average, narrower than any printed table's (see the caller).</summary>
    private static bool TooDense(CellGrid grid) =>
        grid.Box is { } box && grid.Cols > 1 && (box.X1 - box.X0) / grid.Cols < MinMeanColumnWidthPoints;

    private const double MinMeanColumnWidthPoints = 12;

    /// <summary>
    /// The column-number row ("(1) (2) (3)=(4)+(5)+(6)") read again with only its own characters: the language
    /// model turns "(1)" into "q)". Each cell is read in several ways. Among the readings that parse, the one continuing the numbering (the previous column's number
    /// plus one, and a formula over the next columns) wins; else the first that parses.
    /// </summary>
    private void ReadNumberRow(IScanPage scan, CellGrid grid, int row, HashSet<GridCell> inked, Dictionary<GridCell, Word> cellWords, Func<GridCell, PixelRect> rectOf)
    {
        var cells = grid.Cells.Where(c => c.Row == row && inked.Contains(c)).OrderBy(c => c.Col).ToList();
        var picked = new (string text, int number, double confidence)?[cells.Count];
        int? previous = null;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var expected = previous + 1;
            IEnumerable<OcrText> Readings()
            {
                if (cellWords.TryGetValue(cell, out var w)) yield return new OcrText(w.Text, w.Confidence);
                foreach (var mode in new[] { OcrMode.ColumnNumber, OcrMode.ColumnNumberLine, OcrMode.Numeric })
                    yield return scan.Read(rectOf(cell), mode);
            }
            (OcrText reading, int number)? first = null, chosen = null;
            foreach (var reading in Readings())
            {
                var text = VietText.Clean(reading.Text);
                if (ColumnNumberRow.Parse(text) is not { number: { } n } parsed) continue;
                first ??= (reading with { Text = text }, n);
                if (expected is null || (n == expected && (parsed.formula is null || ContinuesNumbering(parsed.formula, n))))
                {
                    chosen = (reading with { Text = text }, n);
                    break;
                }
            }
            if (TraceCells) Console.Error.WriteLine($"number r{cell.Row} c{cell.Col}: expected {expected} → «{(chosen ?? first)?.reading.Text}»");
            if ((chosen ?? first) is not { } pick || pick.number <= previous) continue;
            picked[i] = (pick.reading.Text, pick.number, pick.reading.Confidence);
            previous = pick.number;
        }
        // A cell no reading gave in sequence, between two that were read: its number follows from its place
        // ("(4)", ?, "(6)" gives "(5)"), or from its own formula ("1)=(12)+(13)" after "(10)" is "(11)"). Kept at a
        // low confidence, so the table is reviewed.
        for (var i = 0; i < cells.Count; i++)
        {
            if (picked[i] is not null) continue;
            var before = i > 0 ? picked[i - 1]?.number : null;
            var after = i + 1 < cells.Count ? picked[i + 1]?.number : null;
            if (before is not { } b) continue;
            var own = cellWords.TryGetValue(cells[i], out var w) ? ColumnNumberRow.Parse(w.Text).formula : null;
            if (after == b + 2) picked[i] = ($"({b + 1})", b + 1, 0.5);
            else if (own is not null && ContinuesNumbering($"({b + 1})" + own[own.IndexOf('=')..], b + 1) && (after is null || after > b + 1))
                picked[i] = ($"({b + 1})" + own[own.IndexOf('=')..], b + 1, 0.5);
        }
        for (var i = 0; i < cells.Count; i++)
            if (picked[i] is { } p) cellWords[cells[i]] = new Word(p.text, Shrink(cells[i].Box!.Value, p.text), p.confidence);
    }

    /// <summary>"(7)=(8)+(9)+(10)": the parts are the columns right after the total, in order.</summary>
    private static bool ContinuesNumbering(string formula, int number)
    {
        var parts = Regex.Matches(formula, @"\((\d+)\)").Skip(1).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return parts.Select((p, i) => p == number + 1 + i).All(b => b);
    }

    /// <summary>
    /// Figures are read again with a digit whitelist, as one word per cell: as a line, else as a word, else as a
    /// character (Tesseract's line model loses some lone digits). Header cells above are left alone.
    /// A cell no reading gives as a figure keeps its text reading, flagged by a low confidence.
    /// </summary>
    private void ReadFigures(IScanPage scan, CellGrid grid, int? numberRow, HashSet<GridCell> inked, Dictionary<GridCell, Word> cellWords, Func<GridCell, PixelRect> rectOf)
    {
        var columns = NumericColumns(grid, cellWords, numberRow).ToHashSet();
        foreach (var row in grid.Cells.Where(c => columns.Contains(c.Col) && c.ColSpan == 1 && c.Row > (numberRow ?? 0) && inked.Contains(c)).GroupBy(c => c.Row))
        {
            var cells = row.OrderBy(c => c.Col).ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                // A group's mark in the STT column ("I", "II", "A") is not a figure: the digit whitelist would make "I" a "1".
                if (cell.Col == 0 && cellWords.TryGetValue(cell, out var mark) && GroupMark().IsMatch(mark.Text) && mark.Confidence >= 0.8) continue;
                // Words read with confidence are a heading (a table without a number row has its lower header
                // rows in "body" position), not a misread figure.
                if (cellWords.TryGetValue(cell, out var words) && IsProse(words)) continue;
                IEnumerable<OcrText> Readings()
                {
                    foreach (var mode in new[] { OcrMode.Numeric, OcrMode.NumericWord, OcrMode.NumericChar })
                        yield return scan.Read(rectOf(cell), mode);
                }
                var figure = Readings().Select(r => r with { Text = VietText.Clean(r.Text) }).FirstOrDefault(r => r.Text.Length > 0 && Figure().IsMatch(r.Text));
                if (TraceCells) Console.Error.WriteLine($"figure r{cell.Row} c{cell.Col}: «{figure?.Text}»");
                if (figure is not null) cellWords[cell] = new Word(figure.Text, Shrink(cell.Box!.Value, figure.Text), figure.Confidence);
                else if (cellWords.TryGetValue(cell, out var w)) cellWords[cell] = w with { Confidence = Math.Min(w.Confidence, 0.5) }; // kept as read, flagged
            }
        }
    }

    /// <summary>
    /// A table printed without ruling lines has no grid to read by, and whole-page OCR garbles its rows. The
    /// whitespace detector, run on those words, still finds its columns and body rows (the figures anchor it); each
    /// body cell is then read again on its own, in the band of its row and the span of its column, and the
    /// column-number row likewise in the band just above the body. The words read again replace those inside.
    /// </summary>
    /// <summary>The tables the stream detector finds in the page's words that have at least two rows of figures.</summary>
    private IEnumerable<CellGrid> BorderlessTables(LayoutPage page, List<Word> words) =>
        _stream.Detect(page, words).Select(t => t.Grid).Where(g => BodyRows(g).Count >= 2);

    private static bool IsFigureCell(GridCell c) => c.Text.Length > 0 && Figure().IsMatch(c.Text);

    /// <summary>A borderless table's body: the rows with at least three figures.</summary>
    private static List<int> BodyRows(CellGrid g) =>
        Enumerable.Range(0, g.Rows).Where(r => g.Cells.Count(c => c.Row == r && IsFigureCell(c)) >= 3).ToList();

    private List<Word> RereadBorderlessTables(IScanPage scan, LayoutPage page, List<Word> words)
    {
        var toPixels = scan.Dpi / 72.0;
        BBox? InkOf(PixelRect r) => scan.InkBox(r) is { } ink ? new BBox(ink.X / toPixels, ink.Y / toPixels, (ink.X + ink.W) / toPixels, (ink.Y + ink.H) / toPixels) : null;
        foreach (var grid in BorderlessTables(page, words))
        {
            var bodyRows = BodyRows(grid);
            // Column spans from the body cells' words; boundaries halfway between neighbours.
            var spans = Enumerable.Range(0, grid.Cols).Select(c =>
                BBox.UnionAll(grid.Cells.Where(x => x.Col == c && x.ColSpan == 1 && bodyRows.Contains(x.Row) && x.Box is not null).Select(x => x.Box!.Value))).ToList();
            if (spans.Any(b => b is null)) continue;
            var xs = new double[grid.Cols + 1];
            xs[0] = spans[0]!.Value.X0 - 4;
            xs[^1] = spans[^1]!.Value.X1 + 4;
            for (var c = 1; c < grid.Cols; c++) xs[c] = (spans[c - 1]!.Value.X1 + spans[c]!.Value.X0) / 2;
            // Row bands: each body row reaches halfway to its neighbours (a wrapped label stays with its row).
            var centres = bodyRows.Select(r => grid.Cells.Where(c => c.Row == r && IsFigureCell(c)).Average(c => c.Box!.Value.CenterY)).ToList();
            var lineHeight = grid.Cells.Where(c => bodyRows.Contains(c.Row) && IsFigureCell(c)).Average(c => c.Box!.Value.Height);
            var replaced = new List<(BBox region, Word word)>();
            var columnIsFigures = Enumerable.Range(0, grid.Cols).Select(c => bodyRows.Count(r => grid.At(r, c) is { } x && IsFigureCell(x)) * 2 >= bodyRows.Count).ToList();
            for (var i = 0; i < bodyRows.Count; i++)
            {
                var top = i == 0 ? centres[0] - 1.2 * lineHeight : (centres[i - 1] + centres[i]) / 2;
                var bottom = i == bodyRows.Count - 1 ? centres[i] + 1.2 * lineHeight : (centres[i] + centres[i + 1]) / 2;
                for (var c = 0; c < grid.Cols; c++)
                {
                    var region = new BBox(xs[c], top, xs[c + 1], bottom);
                    var rect = PixelRect.FromPoints(region, toPixels, 1);
                    if (scan.InkIn(rect) < 4) continue;
                    OcrText? read = null;
                    if (columnIsFigures[c])
                        read = new[] { OcrMode.Numeric, OcrMode.NumericWord, OcrMode.NumericChar }.Select(m => scan.Read(rect, m))
                            .FirstOrDefault(r => VietText.Clean(r.Text) is { Length: > 0 } t && Figure().IsMatch(t));
                    read ??= scan.Read(rect, OcrMode.Text);
                    var text = _lexicon.Restore(read.Text.Replace('\n', ' '));
                    if (text.Length > 0) replaced.Add((region, new Word(text, InkOf(rect) ?? Shrink(region), read.Confidence)));
                }
            }
            // The column-number row: the lines with parentheses right above the first body row.
            var firstTop = centres[0] - 1.2 * lineHeight;
            var pieces = words.Where(w => w.Box.CenterY < firstTop && w.Box.CenterY > firstTop - 6 * lineHeight && w.Box.CenterX >= xs[0] && w.Box.CenterX <= xs[^1]
                                          && (w.Text.Contains('(') || w.Text.Contains(')'))).ToList();
            if (pieces.Count >= 3)
            {
                var bandTop = pieces.Min(w => w.Box.Y0) - 2;
                var bandBottom = Math.Min(firstTop, pieces.Max(w => w.Box.Y1) + 2);
                for (var c = 0; c < grid.Cols; c++)
                {
                    var region = new BBox(xs[c], bandTop, xs[c + 1], bandBottom);
                    var rect = PixelRect.FromPoints(region, toPixels, 1);
                    if (scan.InkIn(rect) < 4) continue;
                    var read = new[] { OcrMode.ColumnNumber, OcrMode.ColumnNumberLine }.Select(m => scan.Read(rect, m))
                        .FirstOrDefault(r => ColumnNumberRow.Parse(VietText.Clean(r.Text)).number is not null);
                    if (read is not null) replaced.Add((region, new Word(Regex.Replace(read.Text, @"\s+", ""), InkOf(rect) ?? Shrink(region), read.Confidence)));
                }
            }
            if (replaced.Count == 0) continue;
            words = words.Where(w => !replaced.Any(x => x.region.Contains(w.Box.CenterX, w.Box.CenterY))).Concat(replaced.Select(x => x.word)).ToList();
        }
        return words;
    }

    /// <summary>
    /// A table whose inner vertical rules are missing: a grid of three rows or more where most rows are one cell
    /// across most of the table (a grid of one or two columns; or the few columns the header's own rules give).
    /// </summary>
    public static bool Unsplit(CellGrid g) =>
        g.Rows >= 3 && (g.Cols <= 2 || Enumerable.Range(0, g.Rows).Count(r => g.Cells.Any(c => c.Row == r && c.RowSpan == 1 && c.ColSpan * 5 >= g.Cols * 3)) * 2 > g.Rows);

    /// <summary>
    /// The most text lines any cell of a grid holds (as read, line breaks kept), when a cell holds four or more lines of which at least two are
    /// figures: rows run together because the rules between them were not found (never accepted silently).
    /// </summary>
    public static int? CrowdedRow(IReadOnlyDictionary<GridCell, string> read)
    {
        var most = read.Values
            .Select(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(lines => lines.Length >= 4 && lines.Count(l => Figure().IsMatch(l)) >= 2)
            .Select(lines => lines.Length).DefaultIfEmpty(0).Max();
        return most > 0 ? most : null;
    }

    /// <summary>A cell's word box: the cell shrunk to its middle, so it cannot fall into a neighbour.</summary>
    /// <summary>
    /// A cell's word box: centred in the cell, half its height, and no wider than its text would print (at most half
    /// the cell): the layout stage finds the table again from these words, and a box far wider than its text reads
    /// there as an OCR box stretched over specks (LatticeTableDetector).
    /// </summary>
    private static BBox Shrink(BBox b, string text)
    {
        var h = b.Height * 0.5;
        var w = Math.Min(b.Width * 0.5, Math.Max(2, 0.75 * h * Math.Max(1, text.Trim().Length)));
        return new(b.CenterX - w / 2, b.CenterY - h / 2, b.CenterX + w / 2, b.CenterY + h / 2);
    }

    private static BBox Shrink(BBox b) => new(b.X0 + b.Width * 0.25, b.Y0 + b.Height * 0.25, b.X1 - b.Width * 0.25, b.Y1 - b.Height * 0.25);

    /// <summary>Rows in the upper part of a table where most cells hold a parenthesis: the column-number row.</summary>
    private static IEnumerable<int> NumberRows(CellGrid grid, Dictionary<GridCell, Word> read)
    {
        for (var r = 0; r < Math.Min(grid.Rows, 8); r++)
        {
            var texts = grid.Cells.Where(c => c.Row == r && read.ContainsKey(c)).Select(c => read[c].Text).ToList();
            if (texts.Count >= 3 && texts.Count(t => t.Contains('(') || t.Contains(')') || ColumnNumberRow.Parse(t).number is not null) * 5 >= texts.Count * 4
                && texts.Count(t => t.Contains('(') || t.Contains(')')) * 3 >= texts.Count) yield return r;
        }
    }

    /// <summary>
    /// Without parentheses ("2  3=(4+5)  4 …") the number row reads as short scraps; it is the row of short cells
    /// right above the first data row (STT "1" and figures).
    /// </summary>
    private static int? RowAboveFirstDataRow(CellGrid grid, Dictionary<GridCell, Word> read)
    {
        for (var r = 2; r < Math.Min(grid.Rows, 9); r++)
        {
            var row = grid.Cells.Where(c => c.Row == r && read.ContainsKey(c)).OrderBy(c => c.Col).ToList();
            if (row.Count < 3 || read[row[0]].Text is not ("1" or "1." or "I" or "A")) continue;
            if (row.Count(c => Figure().IsMatch(read[c].Text)) < 3) continue;
            var above = grid.Cells.Where(c => c.Row == r - 1 && read.ContainsKey(c)).ToList();
            return above.Count >= 3 && above.All(c => read[c].Text.Length <= 16) ? r - 1 : null;
        }
        return null;
    }

    /// <summary>
    /// Columns whose cells below the header hold figures (the STT column included): some cells read as figures and
    /// almost none as running text. A figure misread by the language model ("37" as "Vị") is short, so it does
    /// not make its column a text column; labels are long.
    /// </summary>
    private static IEnumerable<int> NumericColumns(CellGrid grid, Dictionary<GridCell, Word> read, int? numberRow)
    {
        for (var c = 0; c < grid.Cols; c++)
        {
            var texts = grid.Cells.Where(x => x.Col == c && x.ColSpan == 1 && x.Row > (numberRow ?? 0) && read.ContainsKey(x)).Select(x => read[x].Text).ToList();
            var figures = texts.Count(t => Figure().IsMatch(t));
            var prose = texts.Count(t => t.Length > 6 && t.Contains(' ') && !Figure().IsMatch(t));
            if (texts.Count >= 2 && figures * 3 >= texts.Count && prose * 5 <= texts.Count) yield return c;
        }
    }

    private static bool IsProse(Word w) => w.Confidence >= 0.7 && w.Text.Split(' ').Count(p => p.Count(char.IsLetter) >= 2) >= 2;

    [GeneratedRegex(@"^([IVX]{1,4}|[A-DĐ])\.?$")]
    private static partial Regex GroupMark();

    // What a figure cell may hold: "5.661", "68,75", "18,92%", "01", "x", "-".
    [GeneratedRegex(@"^[\d.,%\s]+$|^[xX\-–]$")]
    private static partial Regex Figure();
}
