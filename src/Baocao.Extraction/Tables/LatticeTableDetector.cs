using Baocao.Documents;
using Baocao.Layout;

namespace Baocao.Tables;

/// <summary>Tolerances of the lattice detector, in PDF points.</summary>
public sealed record LatticeOptions(double SnapTolerance = 2.5, double JoinTolerance = 3.0, double MinCoverage = 0.6, double MinCellSize = 3.0);

/// <summary>
/// Finds ruled tables: ruling lines that touch each other form a component; its distinct line positions give
/// the grid, and a missing border between two neighbouring slots merges them (a row or column span).
/// Words go to the cell that holds their centre.
/// </summary>
public sealed class LatticeTableDetector(LatticeOptions? options = null) : ITableDetector
{
    private readonly LatticeOptions _o = options ?? new LatticeOptions();

    public IReadOnlyList<DetectedTable> Detect(LayoutPage page, IReadOnlyList<Word> words)
    {
        var horizontal = Merge(page.Lines.Where(l => l.IsHorizontal).ToList(), horizontal: true);
        var vertical = Merge(page.Lines.Where(l => !l.IsHorizontal).ToList(), horizontal: false);
        var result = new List<DetectedTable>();
        foreach (var (hs, vs) in Components(horizontal, vertical))
        {
            var ys = Cluster(hs.Select(h => h.Y0));
            var xs = Cluster(vs.Select(v => v.X0));
            if (ys.Count < 2 || xs.Count < 2) continue;
            ys = WithOpenEdges(ys, xs, vs, words);
            var (aligned, warning) = ColumnsFromAlignment(xs, ys, vs, words);
            var allVs = vs;
            if (aligned.Count > 0)
            {
                allVs = [.. vs, .. aligned];
                xs = Cluster(allVs.Select(v => v.X0));
            }
            var grid = BuildGrid(page, hs, allVs, xs, ys, words, out var taken, warning);
            if (grid is null) continue;
            result.Add(new DetectedTable(grid, taken));
        }
        return result.OrderBy(t => t.Grid.Box?.Y0 ?? 0).ToList();
    }

    /// <summary>Joins collinear pieces (a border is often drawn cell by cell).</summary>
    private List<RulingLine> Merge(List<RulingLine> lines, bool horizontal)
    {
        var merged = new List<RulingLine>();
        var byPos = lines.OrderBy(l => horizontal ? l.Y0 : l.X0).ThenBy(l => horizontal ? l.X0 : l.Y0);
        foreach (var l in byPos)
        {
            var pos = horizontal ? l.Y0 : l.X0;
            var a = horizontal ? l.X0 : l.Y0;
            var b = horizontal ? l.X1 : l.Y1;
            var idx = merged.FindLastIndex(m =>
                Math.Abs((horizontal ? m.Y0 : m.X0) - pos) <= 0.8 &&
                a <= (horizontal ? m.X1 : m.Y1) + _o.JoinTolerance);
            if (idx >= 0)
            {
                var m = merged[idx];
                merged[idx] = horizontal
                    ? m with { X0 = Math.Min(m.X0, a), X1 = Math.Max(m.X1, b) }
                    : m with { Y0 = Math.Min(m.Y0, a), Y1 = Math.Max(m.Y1, b) };
            }
            else merged.Add(horizontal ? new RulingLine(a, pos, b, pos) : new RulingLine(pos, a, pos, b));
        }
        return merged.Where(m => m.Length >= _o.MinCellSize).ToList();
    }

    private bool Touch(RulingLine h, RulingLine v) =>
        v.X0 >= h.X0 - _o.JoinTolerance && v.X0 <= h.X1 + _o.JoinTolerance &&
        h.Y0 >= v.Y0 - _o.JoinTolerance && h.Y0 <= v.Y1 + _o.JoinTolerance;

    private IEnumerable<(List<RulingLine> hs, List<RulingLine> vs)> Components(List<RulingLine> hs, List<RulingLine> vs)
    {
        var n = hs.Count + vs.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < hs.Count; i++)
            for (var j = 0; j < vs.Count; j++)
                if (Touch(hs[i], vs[j])) parent[Find(i)] = Find(hs.Count + j);
        return Enumerable.Range(0, n).GroupBy(Find)
            .Select(g => (g.Where(i => i < hs.Count).Select(i => hs[i]).ToList(),
                          g.Where(i => i >= hs.Count).Select(i => vs[i - hs.Count]).ToList()))
            .Where(c => c.Item1.Count >= 2 && c.Item2.Count >= 2);
    }

    private List<double> Cluster(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.OrderBy(v => v))
        {
            if (result.Count > 0 && v - result[^1] <= _o.SnapTolerance) continue; // a double border is one boundary
            result.Add(v);
        }
        return result;
    }

    /// <summary>How much of [a,b] the given segments on one boundary cover (0..1).</summary>
    private static double Coverage(IEnumerable<(double a, double b)> segs, double a, double b)
    {
        var len = b - a;
        if (len <= 0) return 1;
        var covered = 0.0;
        var cursor = a;
        foreach (var (sa, sb) in segs.OrderBy(s => s.a))
        {
            var s0 = Math.Max(sa, cursor);
            var s1 = Math.Min(sb, b);
            if (s1 > s0) { covered += s1 - s0; cursor = s1; }
        }
        return covered / len;
    }

    /// <summary>
    /// A table whose bottom (or top) rule was not found while its frame's side rules run on past the last rule
    /// found (a scan's faint or clipped last rule): the side rules' common end closes the table, when words stand
    /// in that strip, so its last row is not lost. Both outer side rules must reach there, by more than a rule's
    /// snap tolerance and at least 4 pt.
    /// </summary>
    private List<double> WithOpenEdges(List<double> ys, List<double> xs, List<RulingLine> vs, IReadOnlyList<Word> words)
    {
        var left = vs.Where(v => Math.Abs(v.X0 - xs[0]) <= _o.SnapTolerance).ToList();
        var right = vs.Where(v => Math.Abs(v.X0 - xs[^1]) <= _o.SnapTolerance).ToList();
        if (left.Count == 0 || right.Count == 0) return ys;
        var result = ys.ToList();
        var bottom = Math.Min(left.Max(v => v.Y1), right.Max(v => v.Y1));
        if (bottom - ys[^1] >= Math.Max(4, _o.SnapTolerance * 2) && HasWords(ys[^1], bottom)) result.Add(bottom);
        var top = Math.Max(left.Min(v => v.Y0), right.Min(v => v.Y0));
        if (ys[0] - top >= Math.Max(4, _o.SnapTolerance * 2) && HasWords(top, ys[0])) result.Insert(0, top);
        return result;

        bool HasWords(double y0, double y1) =>
            words.Any(w => w.Box.CenterY > y0 && w.Box.CenterY < y1 && w.Box.CenterX > xs[0] && w.Box.CenterX < xs[^1]);
    }

    /// <summary>
    /// Tables styled with horizontal rules only (common in LibreOffice and Word) have just the outer frame as
    /// vertical lines, so the grid would be one column holding every figure of a row. Inside each ruled column,
    /// the rows (bands between horizontal rules) whose words are mostly separate figures give the real columns the
    /// way the stream detector finds them: the x-ranges of their phrases, merged where they overlap. Each boundary
    /// becomes a virtual vertical line, drawn only through the bands where no phrase crosses the gap between the two
    /// columns, so a header spanning several columns stays one cell (BuildGrid turns the missing piece into a span).
    /// Written by hand: no library splits a partly ruled grid by word alignment.
    /// Returns the virtual lines, and a warning when a column holds several aligned figures per row but cannot be split.
    /// </summary>
    private (List<RulingLine> lines, string? warning) ColumnsFromAlignment(List<double> xs, List<double> ys, List<RulingLine> vs, IReadOnlyList<Word> words)
    {
        var added = new List<RulingLine>();
        string? warning = null;
        var box = new BBox(xs[0], ys[0], xs[^1], ys[^1]);
        var inTable = words.Where(w => box.Contains(w.Box.CenterX, w.Box.CenterY)).ToList();
        if (inTable.Count == 0) return (added, null);
        var h = StreamTableDetector.MedianHeight(inTable);
        // A rule OCR read as letters ("muinEiidiyencibi" a point high) is no word; a flat "-" is.
        inTable = inTable.Where(w => w.Box.Height >= 0.35 * h || w.Text.Length <= 2).ToList();
        static bool FigurePhrase(StreamTableDetector.Phrase p) => p.Words.All(w => StreamTableDetector.IsFigure(w.Text));
        List<Word> InBand(int r) => inTable.Where(w => w.Box.CenterY >= ys[r] && w.Box.CenterY < ys[r + 1]).ToList();
        // The phrases of each band across the whole table (ruled columns ignored): the body rows are the bands
        // holding at least two figures, as many as the rest.
        var rowPhrases = Enumerable.Range(0, ys.Count - 1).Select(r => LineSegmenter.Lines(InBand(r)).SelectMany(l => StreamTableDetector.Phrases(l, h)).ToList()).ToList();
        var bodyRows = Enumerable.Range(0, ys.Count - 1).Where(r => rowPhrases[r].Count(FigurePhrase) >= 2 && rowPhrases[r].Count(FigurePhrase) * 2 >= rowPhrases[r].Count).ToList();
        // The column-number row ("(1) (2) (3)=(4)+(5)") is split like the body rows under it.
        var numberRows = Enumerable.Range(0, ys.Count - 1).Where(r => rowPhrases[r].Count(p => p.Text.Contains('(') || p.Text.Contains(')')) is var k && k >= 3 && k * 2 >= rowPhrases[r].Count).ToHashSet();
        for (var c = 0; c + 1 < xs.Count; c++)
        {
            // The phrases of each band inside this column.
            var bands = new List<List<StreamTableDetector.Phrase>>();
            for (var r = 0; r + 1 < ys.Count; r++)
            {
                var ws = InBand(r).Where(w => w.Box.CenterX >= xs[c] && w.Box.CenterX < xs[c + 1]).ToList();
                bands.Add(LineSegmenter.Lines(ws).SelectMany(l => StreamTableDetector.Phrases(l, h)).ToList());
            }
            var data = bands.Where(b => b.Count(FigurePhrase) >= 2 && b.Count(FigurePhrase) * 2 >= b.Count).ToList();
            var byFigures = data.Count >= 2;
            // A column without two figures per row (the STT and the names under one ruled column, or a single
            // figure column beside them) is split at gaps every body row keeps: each range of phrases must be met
            // in at least half of the body rows that hold anything in this column, so an odd wide gap in one label
            // splits nothing.
            if (!byFigures) data = bodyRows.Select(r => bands[r]).Where(b => b.Count > 0).ToList();
            if (data.Count < 2) continue; // one row is too little evidence of columns
            var ranges = Islands(data, xs[c], xs[c + 1], byFigures ? 0.25 : 0.5, h);
            if (ranges.Count < 2)
            {
                if (byFigures)
                    warning ??= $"a ruled table (rows {ys[0]:0}-{ys[^1]:0} pt) has a column holding several figures per row that could not be split into columns";
                continue;
            }
            for (var k = 1; k < ranges.Count; k++)
            {
                // Words go to the cell holding their centre, so the boundary goes where the fewest phrases cross it
                // (header text is often wider than the figures under it), the middle of the gap when tied.
                double ga = ranges[k - 1].b, gb = ranges[k].a, mid = (ga + gb) / 2;
                int Crossing(double x) => bands.Sum(b => b.Count(p => p.Box.X0 < x && p.Box.X1 > x));
                var x = Enumerable.Range(0, (int)Math.Max(1, gb - ga) + 1).Select(i => ga + i).Append(mid)
                    .OrderBy(Crossing).ThenBy(v => Math.Abs(v - mid)).First();
                for (var r = 0; r + 1 < ys.Count; r++)
                {
                    // A band with a phrase across the boundary (a header spanning both columns) is not split there.
                    // In a body row, figures OCR ran together into one word ("3...3..0") are no such phrase, nor is a
                    // box OCR stretched far wider than its text (specks read as letters).
                    var body = bodyRows.Contains(r) || numberRows.Contains(r);
                    if (!bands[r].Any(p => p.Box.X0 < x && p.Box.X1 > x && !(body && byFigures && (p.Text.Any(char.IsDigit) || Stretched(p, h)))))
                        added.Add(new RulingLine(x, ys[r], x, ys[r + 1]));
                }
            }
        }
        // A column rule drawn through the header only (the body printed without inner vertical rules) still divides
        // the body: it is carried down through the rows under the header where no phrase of the row crosses it. Only
        // where the body rows have (almost) no rule there, so a ruled table's own spans (a total label across two
        // columns) stay.
        if (bodyRows.Count >= 2)
            for (var k = 1; k + 1 < xs.Count; k++)
            {
                var x = xs[k];
                bool Ruled(int r) => Coverage(vs.Where(v => Math.Abs(v.X0 - x) <= _o.SnapTolerance).Select(v => (v.Y0, v.Y1)), ys[r], ys[r + 1]) >= _o.MinCoverage;
                if (bodyRows.Count(Ruled) * 5 > bodyRows.Count) continue;
                // From the last header band the rule crosses (the column-number row between it and the body included).
                var from = bodyRows[0];
                while (from > 0 && !Ruled(from - 1)) from--;
                if (from == 0) from = bodyRows[0];
                for (var r = from; r + 1 < ys.Count; r++)
                    if (!Ruled(r) && !rowPhrases[r].Any(p => p.Box.X0 < x - 0.5 && p.Box.X1 > x + 0.5)) added.Add(new RulingLine(x, ys[r], x, ys[r + 1]));
            }
        return (added, warning);
    }

    /// <summary>
    /// The x-ranges the rows' phrases occupy inside one ruled column [x0, x1): a projection of the phrases of the
    /// given rows, each row counted once per point. Where at most a tenth of the rows (or a fifth of the rows at
    /// the best-covered point) have a phrase is a gap; a
    /// range between gaps that fewer than <paramref name="support"/> of the rows reach is noise (a speck, a word
    /// OCR made of a run of figures) and counts as gap too; so does a box far wider than its text. A plain union of the phrases would let one such
    /// wide misreading join every column of the table.
    /// </summary>
    private static List<(double a, double b)> Islands(List<List<StreamTableDetector.Phrase>> rows, double x0, double x1, double support, double height)
    {
        const double step = 0.5;
        var n = (int)Math.Ceiling((x1 - x0) / step);
        var cover = new int[Math.Max(n, 0)];
        foreach (var row in rows)
        {
            var hit = new bool[cover.Length];
            // A box far wider than its characters (OCR stretched it over specks or the next figure) says nothing
            // about where its column is.
            foreach (var p in row.Where(p => !Stretched(p, height)))
                for (var i = Math.Max(0, (int)Math.Floor((p.Box.X0 - x0) / step)); i < Math.Min(cover.Length, (int)Math.Ceiling((p.Box.X1 - x0) / step)); i++) hit[i] = true;
            for (var i = 0; i < hit.Length; i++) if (hit[i]) cover[i]++;
        }
        // Misread boxes bridge a real gap now and then: a fifth of the best-covered point's rows is still a gap.
        var gap = Math.Max(rows.Count / 10, cover.DefaultIfEmpty(0).Max() / 5);
        var result = new List<(double a, double b)>();
        for (var i = 0; i < cover.Length;)
        {
            if (cover[i] <= gap) { i++; continue; }
            var j = i;
            var peak = 0;
            while (j < cover.Length && cover[j] > gap) peak = Math.Max(peak, cover[j++]);
            if (peak >= support * rows.Count) result.Add((x0 + i * step, x0 + j * step));
            i = j;
        }
        return result;
    }

    /// <summary>A phrase's box far wider than its characters: a character is at most about three quarters of the text's height wide.</summary>
    private static bool Stretched(StreamTableDetector.Phrase p, double height) => p.Box.Width > 2 + 1.6 * 0.75 * height * p.Text.Length;

    private CellGrid? BuildGrid(LayoutPage page, List<RulingLine> hs, List<RulingLine> vs, List<double> xs, List<double> ys,
        IReadOnlyList<Word> words, out IReadOnlySet<Word> taken, string? warning = null)
    {
        int rows = ys.Count - 1, cols = xs.Count - 1;
        taken = new HashSet<Word>();
        bool HasVertical(int k, int r) => Coverage(vs.Where(v => Math.Abs(v.X0 - xs[k]) <= _o.SnapTolerance).Select(v => (v.Y0, v.Y1)), ys[r], ys[r + 1]) >= _o.MinCoverage;
        bool HasHorizontal(int k, int c) => Coverage(hs.Where(h => Math.Abs(h.Y0 - ys[k]) <= _o.SnapTolerance).Select(h => (h.X0, h.X1)), xs[c], xs[c + 1]) >= _o.MinCoverage;

        // Union the slots that have no border between them.
        var parent = new int[rows * cols];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                if (c + 1 < cols && !HasVertical(c + 1, r)) Union(r * cols + c, r * cols + c + 1);
                if (r + 1 < rows && !HasHorizontal(r + 1, c)) Union(r * cols + c, (r + 1) * cols + c);
            }
        var regions = Enumerable.Range(0, rows * cols).GroupBy(Find).Select(g =>
        {
            var rs = g.Select(i => i / cols).ToList();
            var cs = g.Select(i => i % cols).ToList();
            return (r0: rs.Min(), r1: rs.Max(), c0: cs.Min(), c1: cs.Max());
        }).OrderBy(x => x.r0).ThenBy(x => x.c0).ToList();
        if (regions.Count < 2) return null; // a framed paragraph, not a table

        var tableBox = new BBox(xs[0], ys[0], xs[^1], ys[^1]);
        var inTable = words.Where(w => tableBox.Contains(w.Box.CenterX, w.Box.CenterY)).ToList();
        var cells = new List<GridCell>();
        var set = new HashSet<Word>();
        foreach (var (r0, r1, c0, c1) in regions)
        {
            var box = new BBox(xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]);
            var ws = inTable.Where(w => box.Contains(w.Box.CenterX, w.Box.CenterY)).ToList();
            foreach (var w in ws) set.Add(w);
            cells.Add(new GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, WordText.Join(ws), page.Number, box, ws.Count == 0 ? 1.0 : ws.Min(w => w.Confidence)));
        }
        taken = set;
        return new CellGrid(rows, cols, cells, page.Number, tableBox, "lattice") { Warning = warning };
    }
}
