using Baocao.Documents;
using Baocao.Text;

namespace Baocao.Layout;

/// <summary>How words become line segments.</summary>
/// <param name="GapFactor">A gap wider than this many word heights always splits a line into segments.</param>
/// <param name="MinGap">A narrower gap never splits, in points.</param>
/// <param name="MedianFactor">Between the two, a gap splits when it is this many times the line's median gap:
/// justified prose stretches all its spaces alike, while two header columns leave one gap far wider than the rest.</param>
public sealed record LayoutOptions(double GapFactor = 1.6, double MinGap = 10, double MedianFactor = 2.5);

/// <summary>A run of words on one printed line with no wide gap inside.</summary>
public sealed record LineSegment(IReadOnlyList<Word> Words, BBox Box)
{
    public string Text => WordText.JoinLine(Words);
}

/// <summary>Groups a page's words into printed lines, and splits each line at wide gaps.</summary>
public static class LineSegmenter
{
    public static List<List<Word>> Lines(IEnumerable<Word> words)
    {
        var lines = new List<(BBox box, List<Word> words)>();
        foreach (var w in words.OrderBy(w => w.Box.Y0).ThenBy(w => w.Box.X0))
        {
            // A word belongs to a line when it overlaps the line vertically by half of the smaller height.
            var idx = lines.FindLastIndex(l =>
            {
                var overlap = Math.Min(l.box.Y1, w.Box.Y1) - Math.Max(l.box.Y0, w.Box.Y0);
                return overlap >= 0.5 * Math.Min(l.box.Height, w.Box.Height);
            });
            if (idx >= 0 && idx >= lines.Count - 3)
            {
                var l = lines[idx];
                l.words.Add(w);
                lines[idx] = (l.box.Union(w.Box), l.words);
            }
            else lines.Add((w.Box, [w]));
        }
        return lines.Select(l => l.words.OrderBy(w => w.Box.X0).ToList()).OrderBy(l => l.Min(w => w.Box.Y0)).ToList();
    }

    public static List<LineSegment> Segments(IEnumerable<Word> words, LayoutOptions o)
    {
        var result = new List<LineSegment>();
        foreach (var line in Lines(words))
        {
            var height = line.Select(w => w.Box.Height).OrderBy(h => h).ElementAt(line.Count / 2);
            var gaps = Enumerable.Range(1, line.Count - 1).Select(i => line[i].Box.X0 - line[i - 1].Box.X1).Where(g => g > 0.6).OrderBy(g => g).ToList();
            var median = gaps.Count > 0 ? gaps[gaps.Count / 2] : 0;
            var gapLimit = Math.Max(o.MinGap, Math.Min(o.GapFactor * height, o.MedianFactor * median));
            var current = new List<Word> { line[0] };
            for (var i = 1; i < line.Count; i++)
            {
                if (line[i].Box.X0 - line[i - 1].Box.X1 > gapLimit)
                {
                    result.Add(Make(current));
                    current = [];
                }
                current.Add(line[i]);
            }
            result.Add(Make(current));
        }
        return result;
    }

    private static LineSegment Make(List<Word> ws) => new(ws, BBox.UnionAll(ws.Select(w => w.Box))!.Value);
}
