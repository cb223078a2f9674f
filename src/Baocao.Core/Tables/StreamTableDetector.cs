using Baocao.Documents;
using Baocao.Layout;
using Baocao.Text;

namespace Baocao.Tables;

/// <summary>Tuning of the whitespace table detector.</summary>
/// <param name="MinColumns">A line needs this many separate segments to count as a table row.</param>
/// <param name="MinRows">A run of at least this many such lines is a table.</param>
public sealed record StreamOptions(int MinColumns = 4, int MinRows = 3);

/// <summary>
/// The fallback for tables printed without ruling lines: a run of lines that each break into several
/// whitespace-separated segments. Column boundaries are the vertical gaps that no data line crosses; header lines
/// above the first data line become header rows (a segment over several columns is a column span); a line with
/// no STT and no new figures continues the row above it (a wrapped label).
/// </summary>
public sealed class StreamTableDetector(StreamOptions? options = null, LayoutOptions? layout = null) : ITableDetector
{
    private readonly StreamOptions _o = options ?? new StreamOptions();
    private readonly LayoutOptions _layout = layout ?? new LayoutOptions(MinGap: 8);

    public IReadOnlyList<DetectedTable> Detect(LayoutPage page, IReadOnlyList<Word> words)
    {
        var lines = LineSegmenter.Lines(words)
            .Select(l => LineSegmenter.Segments(l, _layout))
            .Where(s => s.Count > 0)
            .ToList();
        var result = new List<DetectedTable>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Count < _o.MinColumns) { i++; continue; }
            // Extend the run over wide lines, allowing single narrow lines (wrapped labels) in between.
            var start = i;
            var end = i;
            var j = i + 1;
            while (j < lines.Count && (lines[j].Count >= _o.MinColumns || (lines[j].Count <= 2 && j + 1 < lines.Count && lines[j + 1].Count >= _o.MinColumns)))
            {
                if (lines[j].Count >= _o.MinColumns) end = j;
                j++;
            }
            var wide = Enumerable.Range(start, end - start + 1).Count(k => lines[k].Count >= _o.MinColumns);
            if (wide >= _o.MinRows)
            {
                // Header lines directly above: lines with 2+ segments that sit just above the run.
                while (start > 0 && lines[start - 1].Count >= 2 && Gap(lines[start - 1], lines[start]) < 1.5 * Height(lines[start]))
                    start--;
                if (Build(page, lines.GetRange(start, end - start + 1)) is { } t) result.Add(t);
            }
            i = end + 1;
        }
        return result;
    }

    private static double Height(List<LineSegment> line) => line.Max(s => s.Box.Height);
    private static double Gap(List<LineSegment> above, List<LineSegment> below) => below.Min(s => s.Box.Y0) - above.Max(s => s.Box.Y1);

    private static bool IsNumeric(string s) => NumberParser.ParseCell(s).Kind is ValueKind.Number or ValueKind.Percent or ValueKind.Dash or ValueKind.Mark;

    private DetectedTable? Build(LayoutPage page, List<List<LineSegment>> lines)
    {
        // Data lines: most segments numeric. Column gaps come from them only (headers may span columns).
        bool IsData(List<LineSegment> l) => l.Count(s => IsNumeric(s.Text)) * 2 >= l.Count;
        var data = lines.Where(IsData).ToList();
        if (data.Count < 2) return null;
        var intervals = data.SelectMany(l => l).Select(s => (a: s.Box.X0, b: s.Box.X1)).OrderBy(x => x.a).ToList();
        var columns = new List<(double a, double b)>();
        foreach (var (a, b) in intervals)
        {
            if (columns.Count > 0 && a <= columns[^1].b + 1) columns[^1] = (columns[^1].a, Math.Max(columns[^1].b, b));
            else columns.Add((a, b));
        }
        if (columns.Count < _o.MinColumns) return null;
        // Boundaries halfway between occupied ranges.
        var bounds = new List<double> { columns[0].a - 2 };
        for (var k = 1; k < columns.Count; k++) bounds.Add((columns[k - 1].b + columns[k].a) / 2);
        bounds.Add(columns[^1].b + 2);
        int ColOf(double x) => Math.Clamp(bounds.FindLastIndex(b => b <= x), 0, columns.Count - 1);

        var firstData = lines.IndexOf(data[0]);
        var rows = new List<List<(int c0, int c1, List<Word> words)>>();
        var taken = new HashSet<Word>();
        for (var k = 0; k < lines.Count; k++)
        {
            var cells = new List<(int c0, int c1, List<Word> words)>();
            foreach (var s in lines[k])
            {
                int c0 = ColOf(s.Box.X0 + 0.5), c1 = ColOf(s.Box.X1 - 0.5);
                if (k >= firstData) c0 = c1 = ColOf(s.Box.CenterX); // body cells never span
                cells.Add((c0, c1, s.Words.ToList()));
                foreach (var w in s.Words) taken.Add(w);
            }
            var isHeader = k < firstData;
            var prev = rows.Count > 0 ? rows[^1] : null;
            // A header line continues the header row above only when it sits tight under it (a wrapped cell)
            // with the same spans; the column-number row always stands alone.
            var tight = k > 0 && Gap(lines[k - 1], lines[k]) < 0.4 * Height(lines[k]);
            var numberRow = cells.All(c => ColumnNumberRow.Parse(Text(c.words)).number is not null);
            var startsRow = isHeader
                ? prev is null || numberRow || !tight || !cells.All(c => prev.Any(p => p.c0 == c.c0 && p.c1 == c.c1))
                : prev is null || k == firstData || cells.Any(c => c.c0 == 0) || (cells.Any(c => IsNumeric(Text(c.words))) && cells.Any(c => IsNumeric(Text(c.words)) && prev.Any(p => p.c0 == c.c0)));
            if (startsRow) rows.Add(cells);
            else
                foreach (var c in cells)
                {
                    var idx = prev!.FindIndex(p => p.c0 <= c.c0 && p.c1 >= c.c1);
                    if (idx >= 0) prev[idx].words.AddRange(c.words);
                    else prev.Add(c);
                }
        }

        var gridCells = new List<GridCell>();
        var tableBox = BBox.UnionAll(taken.Select(w => w.Box))!.Value;
        for (var r = 0; r < rows.Count; r++)
            foreach (var (c0, c1, ws) in rows[r].OrderBy(c => c.c0))
            {
                if (gridCells.Any(g => g.Row == r && g.Col <= c1 && g.Col + g.ColSpan - 1 >= c0)) continue; // overlapping segments: keep the first
                gridCells.Add(new GridCell(r, c0, 1, c1 - c0 + 1, WordText.Join(ws), page.Number, BBox.UnionAll(ws.Select(w => w.Box))));
            }
        return new DetectedTable(new CellGrid(rows.Count, columns.Count, gridCells, page.Number, tableBox, "stream"), taken);
    }

    private static string Text(List<Word> ws) => WordText.Join(ws);
}
