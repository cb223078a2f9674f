using Baocao.Documents;
using Baocao.Tables;

namespace Baocao.Layout;

/// <summary>
/// Turns one page of words and ruling lines into blocks in reading order: tables first (each detector in turn
/// takes its words), then the remaining words as line segments with a side (left/right column) and a centred flag.
/// </summary>
public sealed class PageLayoutAnalyzer(IReadOnlyList<ITableDetector> detectors, LayoutOptions? options = null)
{
    private readonly LayoutOptions _o = options ?? new LayoutOptions();

    public IReadOnlyList<Block> Analyze(LayoutPage page)
    {
        var free = page.Words.ToList();
        var tables = new List<CellGrid>();
        foreach (var d in detectors)
        {
            foreach (var t in d.Detect(page, free))
            {
                tables.Add(t.Grid);
                free.RemoveAll(t.Words.Contains);
            }
        }
        var segments = LineSegmenter.Segments(free, _o);
        var blocks = new List<(double y, double x, Block b)>();
        if (segments.Count > 0)
        {
            var left = segments.Min(s => s.Box.X0);
            var right = segments.Max(s => s.Box.X1);
            // The text column: prefer the page's own margins when the page is mostly prose.
            var width = Math.Max(1, right - left);
            var center = (left + right) / 2;
            var edges = segments.GroupBy(s => Math.Round(s.Box.X0)).Where(g => g.Count() >= 4).Select(g => g.Key).ToList();
            foreach (var s in segments)
            {
                // Centred: equal margins on both sides, and not starting at one of the page's common left edges
                // (a body line that happens to be symmetric starts at the paragraph indent).
                var centered = Math.Abs(s.Box.CenterX - center) <= Math.Max(4, 0.012 * width)
                               && s.Box.X0 - left >= 8 && right - s.Box.X1 >= 8
                               && !edges.Any(e => Math.Abs(e - s.Box.X0) <= 1.0);
                var side = Side.Full;
                if (s.Box.Width < 0.6 * width)
                {
                    if (s.Box.X1 <= center + 0.05 * width && s.Box.CenterX < center - 0.1 * width) side = Side.Left;
                    else if (s.Box.X0 >= center - 0.05 * width && s.Box.CenterX > center + 0.1 * width) side = Side.Right;
                }
                blocks.Add((s.Box.Y0, s.Box.X0, new TextBlock(s.Text, page.Number, s.Box, side, centered && side == Side.Full, false, s.Words.Min(w => w.Confidence))));
            }
        }
        foreach (var t in tables) blocks.Add((t.Box?.Y0 ?? 0, t.Box?.X0 ?? 0, new TableBlock(t)));
        return blocks.OrderBy(b => b.y).ThenBy(b => b.x).Select(b => b.b).ToList();
    }
}
