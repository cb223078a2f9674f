using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Tables;
using Baocao.Text;

namespace Baocao.Ocr;

/// <summary>Thresholds of the scanned-page reader.</summary>
/// <param name="BlankInk">A page with less dark area than this is blank.</param>
/// <param name="CellInkPixels">A cell with fewer dark pixels than this (per 300 dpi) is empty and is not read.</param>
/// <param name="CellInsetPoints">How far inside the ruling lines a cell is read, so the lines are not read as letters.</param>
public sealed record ScanOptions(double BlankInk = 0.0008, int CellInkPixels = 40, double CellInsetPoints = 1.6);

/// <summary>
/// Builds a page of words and ruling lines from a scanned page, the same record a digital PDF page gives, so table
/// detection, interpretation, mapping and checks are shared. The grid comes first: whole-page OCR garbles table
/// rows, so the ruling lines found in the image give the cells, and each cell is read on its own — figures with a
/// digit whitelist — becoming one word centred in its cell. Text outside the tables is read as words.
/// </summary>
public sealed partial class ScannedPageReader(ScanOptions? options = null)
{
    private readonly ScanOptions _o = options ?? new ScanOptions();
    private readonly LatticeTableDetector _lattice = new();

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

        // Every cell read as text first; columns whose body is mostly figures are then read again as figures.
        var cellWords = new Dictionary<GridCell, Word>();
        var minInk = (int)(_o.CellInkPixels * scan.Dpi / 300.0 * scan.Dpi / 300.0);
        PixelRect RectOf(GridCell cell) => PixelRect.FromPoints(cell.Box!.Value, toPixels, _o.CellInsetPoints * toPixels);
        foreach (var grid in grids)
        {
            foreach (var cell in grid.Cells)
            {
                var rect = RectOf(cell);
                if (scan.InkIn(rect) < minInk) continue;
                var r = scan.Read(rect, OcrMode.Text);
                if (VietText.Clean(r.Text).Length == 0) continue;
                cellWords[cell] = new Word(VietText.Clean(r.Text), Shrink(cell.Box!.Value), r.Confidence);
            }
            // The column-number row ("(1) (2) (3)=(4)+(5)+(6)") is read again with only its own characters:
            // the language model turns "(1)" into "q)". Each way of reading is tried until one parses.
            var numberRow = NumberRows(grid, cellWords).Cast<int?>().FirstOrDefault() ?? RowAboveFirstDataRow(grid, cellWords);
            if (numberRow is { } nr)
                foreach (var cell in grid.Cells.Where(c => c.Row == nr && cellWords.ContainsKey(c)))
                {
                    if (ColumnNumberRow.Parse(cellWords[cell].Text).number is not null && cellWords[cell].Text.Contains('(')) continue;
                    var rect = RectOf(cell);
                    foreach (var mode in new[] { OcrMode.ColumnNumber, OcrMode.ColumnNumberLine, OcrMode.Numeric })
                    {
                        var r = scan.Read(rect, mode);
                        var text = VietText.Clean(r.Text);
                        if (ColumnNumberRow.Parse(text).number is null) continue;
                        cellWords[cell] = new Word(text, Shrink(cell.Box!.Value), r.Confidence);
                        break;
                    }
                }
            // Figures are read again with a digit whitelist, as one word; header cells above them are left alone.
            foreach (var col in NumericColumns(grid, cellWords, numberRow))
                foreach (var cell in grid.Cells.Where(c => c.Col == col && c.ColSpan == 1 && c.Row > (numberRow ?? 0) && cellWords.ContainsKey(c)))
                {
                    var r = scan.Read(RectOf(cell), OcrMode.Numeric);
                    var text = VietText.Clean(r.Text);
                    if (text.Length > 0 && Figure().IsMatch(text)) cellWords[cell] = new Word(text, Shrink(cell.Box!.Value), r.Confidence);
                    else cellWords[cell] = cellWords[cell] with { Confidence = Math.Min(cellWords[cell].Confidence, 0.5) }; // kept as read, flagged
                }
        }

        var exclude = grids.Select(g => PixelRect.FromPoints(g.Box!.Value, toPixels, -2)).ToList();
        var words = scan.ReadWords(exclude)
            .Select(w => new Word(VietText.Clean(w.Text), new BBox(w.Box.X * toPoints, w.Box.Y * toPoints, (w.Box.X + w.Box.W) * toPoints, (w.Box.Y + w.Box.H) * toPoints), w.Confidence))
            .Where(w => w.Text.Length > 0)
            .ToList();
        if (words.Count == 0 && cellWords.Count == 0)
            warnings.Add($"page {pageNumber}: no text recognised (an image without text?)");
        return (new LayoutPage(pageNumber, width, height, [.. words, .. cellWords.Values], lines), warnings);
    }

    /// <summary>A cell's word box: the cell shrunk to its middle, so it cannot fall into a neighbour.</summary>
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

    /// <summary>Columns whose cells below the header read mostly as figures (the STT column included).</summary>
    private static IEnumerable<int> NumericColumns(CellGrid grid, Dictionary<GridCell, Word> read, int? numberRow)
    {
        for (var c = 0; c < grid.Cols; c++)
        {
            var texts = grid.Cells.Where(x => x.Col == c && x.ColSpan == 1 && x.Row > (numberRow ?? 0) && read.ContainsKey(x)).Select(x => read[x].Text).ToList();
            if (texts.Count >= 2 && texts.Count(t => Figure().IsMatch(t)) * 2 >= texts.Count) yield return c;
        }
    }

    // What a figure cell may hold: "5.661", "68,75", "18,92%", "01", "x", "-".
    [GeneratedRegex(@"^[\d.,%\s]+$|^[xX\-–]$")]
    private static partial Regex Figure();
}
