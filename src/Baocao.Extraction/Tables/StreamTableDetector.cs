using Baocao.Documents;
using Baocao.Layout;
using Baocao.Text;

namespace Baocao.Tables;

/// <summary>Tuning of the whitespace table detector.</summary>
/// <param name="MinNumericColumns">A data line needs this many figures.</param>
/// <param name="MinDataRows">A table needs this many data lines.</param>
public sealed record StreamOptions(int MinNumericColumns = 3, int MinDataRows = 2);

/// <summary>
/// The fallback for tables printed without ruling lines. The figures anchor everything: lines that are mostly
/// figures are the body rows, and the vertical gaps that no body word crosses are the column boundaries. Label
/// fragments go to the nearest body row (labels wrap, and cells are often centred vertically). Above the body,
/// the column-number row ("(1) (2) (3)=(4)+(5)+(6)") and the header: header words stack into cells by shared
/// alignment, each cell spans the columns it overlaps, and its level is the number of header cells above it.
/// </summary>
public sealed class StreamTableDetector(StreamOptions? options = null) : ITableDetector
{
    private readonly StreamOptions _o = options ?? new StreamOptions();

    internal sealed record Phrase(List<Word> Words, BBox Box)
    {
        public string Text => WordText.JoinLine(Words);
    }

    public IReadOnlyList<DetectedTable> Detect(LayoutPage page, IReadOnlyList<Word> words)
    {
        var lines = LineSegmenter.Lines(words);
        var result = new List<DetectedTable>();
        var used = new HashSet<Word>();
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsDataLine(lines[i])) { i++; continue; }
            var body = new List<List<Word>> { lines[i] };
            var j = i + 1;
            // Body lines may have label-only lines between them (wrapped labels), but not a paragraph of prose.
            // Once a table has started, a line with fewer figures (a total row of a narrow table) continues it.
            while (j < lines.Count)
            {
                if (IsDataLine(lines[j], 2)) { body.Add(lines[j]); j++; continue; }
                if (j + 1 < lines.Count && IsDataLine(lines[j + 1], 2) && lines[j].Count <= 6) { j++; continue; }
                if (j + 2 < lines.Count && IsDataLine(lines[j + 2], 2) && lines[j].Count <= 6 && lines[j + 1].Count <= 6) { j++; continue; }
                break;
            }
            if (body.Count >= _o.MinDataRows && Build(page, words.Where(w => !used.Contains(w)).ToList(), body) is { } t)
            {
                result.Add(t);
                foreach (var w in t.Words) used.Add(w);
            }
            i = j;
        }
        return result;
    }

    internal static bool IsFigure(string s) => NumberParser.ParseCell(s).Kind is ValueKind.Number or ValueKind.Percent or ValueKind.Dash or ValueKind.Mark;

    private bool IsDataLine(List<Word> line, int? minFigures = null)
    {
        var figures = line.Count(w => IsFigure(w.Text));
        return figures >= (minFigures ?? _o.MinNumericColumns) && figures * 2 >= line.Count;
    }

    internal static double MedianHeight(IEnumerable<Word> ws)
    {
        var hs = ws.Select(w => w.Box.Height).OrderBy(h => h).ToList();
        return hs.Count == 0 ? 12 : hs[hs.Count / 2];
    }

    /// <summary>Splits a line into phrases at gaps wider than a word space.</summary>
    internal static List<Phrase> Phrases(List<Word> line, double height)
    {
        var result = new List<Phrase>();
        var current = new List<Word>();
        foreach (var w in line.OrderBy(w => w.Box.X0))
        {
            if (current.Count > 0 && w.Box.X0 - current[^1].Box.X1 > Math.Max(4.5, 0.45 * height))
            {
                result.Add(new Phrase(current, BBox.UnionAll(current.Select(x => x.Box))!.Value));
                current = [];
            }
            current.Add(w);
        }
        if (current.Count > 0) result.Add(new Phrase(current, BBox.UnionAll(current.Select(x => x.Box))!.Value));
        return result;
    }

    private DetectedTable? Build(LayoutPage page, List<Word> free, List<List<Word>> body)
    {
        var h = MedianHeight(body.SelectMany(l => l));
        var top = body[0].Min(w => w.Box.Y0);
        var bottom = body[^1].Max(w => w.Box.Y1);
        var anchors = body.Select(l => l.Average(w => w.Box.CenterY)).ToList();

        // Body words: within the band of the data lines (labels may stick out half a row above or below).
        // A column-number cell wrapping down into the band ("6)") still belongs to the number row.
        bool NumberPiece(Word w) => w.Box.CenterY < anchors[0] - 0.3 * h && (w.Text.Contains('(') || w.Text.Contains(')')) && NumberToken(w.Text);
        var bodyWords = free.Where(w => w.Box.CenterY >= top - 0.9 * h && w.Box.CenterY <= bottom + 0.9 * h && !NumberPiece(w)).ToList();
        var bodyLines = LineSegmenter.Lines(bodyWords);
        var bodyPhrases = bodyLines.SelectMany(l => Phrases(l, h)).ToList();

        // Columns: the x-ranges of body phrases, merged where they overlap.
        var columns = new List<(double a, double b)>();
        foreach (var p in bodyPhrases.OrderBy(p => p.Box.X0))
        {
            if (columns.Count > 0 && p.Box.X0 <= columns[^1].b + 1) columns[^1] = (columns[^1].a, Math.Max(columns[^1].b, p.Box.X1));
            else columns.Add((p.Box.X0, p.Box.X1));
        }
        if (columns.Count < _o.MinNumericColumns + 1) return null;
        var bounds = new List<double> { columns[0].a - 3 };
        for (var k = 1; k < columns.Count; k++) bounds.Add((columns[k - 1].b + columns[k].a) / 2);
        bounds.Add(columns[^1].b + 3);
        int ColOf(double x) => Math.Clamp(bounds.FindLastIndex(b => b <= x), 0, columns.Count - 1);
        // Header text is often wider than the figures under it: judge header words by their centre, with a margin.
        var left = bounds[0] - 20;
        var right = bounds[^1] + 20;

        // Above the body: the column-number row and the header, up to the first caption line or gap.
        var above = LineSegmenter.Lines(free.Where(w => (w.Box.Y1 <= top + 1 || NumberPiece(w)) && !bodyWords.Contains(w) && w.Box.CenterX >= left && w.Box.CenterX <= right))
            .OrderByDescending(l => l.Min(w => w.Box.Y0)).ToList();
        var headerLines = new List<List<Word>>();
        var edge = top;
        foreach (var l in above)
        {
            var lTop = l.Min(w => w.Box.Y0);
            var lBottom = l.Max(w => w.Box.Y1);
            var text = WordText.JoinLine(l);
            if (edge - lBottom > 1.2 * h) break;                       // a gap: the header ended
            if (IsCaptionLine(text)) break;
            if (Phrases(l, h).Any(p => p.Box.Width > 0.75 * (bounds[^1] - bounds[0]))) break; // a title across the table
            headerLines.Add(l);
            edge = Math.Min(edge, lTop);
        }
        headerLines.Reverse();
        var numberLines = new List<List<Word>>();
        while (headerLines.Count > 0 && headerLines[^1].All(w => NumberToken(w.Text)))
        {
            numberLines.Insert(0, headerLines[^1]);
            headerLines.RemoveAt(headerLines.Count - 1);
        }

        var cells = new List<GridCell>();
        var taken = new HashSet<Word>(bodyWords);
        var row = 0;

        // Header cells: phrases stacked under each other with a common centre (or left edge) are one cell.
        var headerPhrases = headerLines.SelectMany(l => Phrases(l, h)).OrderBy(p => p.Box.Y0).ToList();
        var stacks = new List<List<Phrase>>();
        foreach (var p in headerPhrases)
        {
            var s = stacks.FirstOrDefault(s =>
            {
                var last = s[^1];
                var gap = p.Box.Y0 - last.Box.Y1;
                var aligned = Math.Abs(p.Box.CenterX - last.Box.CenterX) <= 3 || Math.Abs(p.Box.X0 - last.Box.X0) <= 2;
                // Lines of one cell touch (their boxes include the leading); the next header level sits lower.
                return gap <= 0.2 * h && gap > -0.6 * h && aligned;
            });
            if (s is null) stacks.Add([p]); else s.Add(p);
        }
        var comps = stacks.Select(s =>
        {
            var box = BBox.UnionAll(s.Select(p => p.Box))!.Value;
            var cols = Enumerable.Range(0, columns.Count).Where(k =>
            {
                var overlap = Math.Min(box.X1, bounds[k + 1]) - Math.Max(box.X0, bounds[k]);
                return overlap >= 0.3 * Math.Min(bounds[k + 1] - bounds[k], box.Width);
            }).ToList();
            if (cols.Count == 0) cols = [ColOf(box.CenterX)];
            return (box, c0: cols.Min(), c1: cols.Max(), words: s.SelectMany(p => p.Words).ToList());
        }).ToList();
        var levels = comps.Select(c => comps.Count(d => !ReferenceEquals(d.words, c.words) && d.box.Y1 <= c.box.Y0 + 2 && d.c0 <= c.c0 && d.c1 >= c.c1)).ToList();
        var headerRows = comps.Count == 0 ? 0 : levels.Max() + 1;
        for (var k = 0; k < comps.Count; k++)
        {
            var c = comps[k];
            var below = Enumerable.Range(0, comps.Count).Where(m => levels[m] > levels[k] && comps[m].c0 <= c.c1 && comps[m].c1 >= c.c0).Select(m => levels[m]).DefaultIfEmpty(headerRows).Min();
            if (cells.Any(g => g.Row == levels[k] && g.Col <= c.c1 && g.Col + g.ColSpan - 1 >= c.c0)) continue;
            cells.Add(new GridCell(levels[k], c.c0, below - levels[k], c.c1 - c.c0 + 1, WordText.Join(c.words), page.Number, c.box));
            foreach (var w in c.words) taken.Add(w);
        }
        row = headerRows;

        if (numberLines.Count > 0)
        {
            var byCol = numberLines.SelectMany(l => l).GroupBy(w => ColOf(w.Box.CenterX));
            foreach (var g in byCol)
            {
                cells.Add(new GridCell(row, g.Key, 1, 1, WordText.Join(g), page.Number, BBox.UnionAll(g.Select(w => w.Box))));
                foreach (var w in g) taken.Add(w);
            }
            row++;
        }

        // Body: every phrase to its column, and to the data line nearest to it vertically.
        var bodyCells = new Dictionary<(int r, int c), List<Word>>();
        foreach (var p in bodyPhrases)
        {
            var r = Enumerable.Range(0, anchors.Count).OrderBy(a => Math.Abs(anchors[a] - p.Box.CenterY)).ThenBy(a => a).First();
            var c = ColOf(p.Box.CenterX);
            (bodyCells.TryGetValue((r, c), out var list) ? list : bodyCells[(r, c)] = []).AddRange(p.Words);
        }
        foreach (var ((r, c), ws) in bodyCells)
            cells.Add(new GridCell(row + r, c, 1, 1, WordText.Join(ws), page.Number, BBox.UnionAll(ws.Select(w => w.Box)), ws.Min(w => w.Confidence)));

        var rows = row + anchors.Count;
        var tableBox = BBox.UnionAll(taken.Select(w => w.Box))!.Value;
        return new DetectedTable(new CellGrid(rows, columns.Count, cells, page.Number, tableBox, "stream"), taken);
    }

    private static bool NumberToken(string s) => s.Any(char.IsDigit) && s.All(ch => char.IsDigit(ch) || ch is '(' or ')' or '=' or '+' or '-' or '–');

    private static bool IsCaptionLine(string text)
    {
        var f = VietText.Fold(text);
        return f.Contains("don vi tinh") || f.Contains("ky bao cao") || f.Contains("don vi bao cao") || f.Contains("don vi nhan") || f.StartsWith("bieu so", StringComparison.Ordinal) || f.Contains("tu ngay");
    }
}
