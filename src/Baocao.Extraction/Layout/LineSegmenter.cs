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
        // A word joins a line when its centre is close to the line's centre, measured against the line's first
        // word, never against the union of its boxes: a union grows with every word (a taller title word in the
        // other column) until it swallows the next line down.
        var lines = new List<(double center, double height, List<Word> words)>();
        foreach (var w in words.OrderBy(w => w.Box.CenterY).ThenBy(w => w.Box.X0))
        {
            // Measured against the taller of the two, so a flat word ("-" read by OCR, 1pt high) still joins its line.
            var idx = lines.FindLastIndex(l => Math.Abs(l.center - w.Box.CenterY) <= 0.4 * Math.Max(Math.Min(l.height, w.Box.Height), 0.5 * Math.Max(l.height, w.Box.Height)));
            if (idx >= 0 && idx >= lines.Count - 3) lines[idx].words.Add(w);
            else lines.Add((w.Box.CenterY, w.Box.Height, [w]));
        }
        var result = lines.Select(l => l.words).ToList();
        Reattach(result);
        return result.Where(l => l.Count > 0).Select(l => l.OrderBy(w => w.Box.X0).ToList()).OrderBy(l => l.Min(w => w.Box.Y0)).ToList();
    }

    /// <summary>
    /// A word that touches no word of its own line but sits right beside a word of another line, at the same height,
    /// moves to that line. Two columns printed in different sizes (recipients on the left, the signer's title on the
    /// right) share one centre band, and a word whose centre is a hair off ("PHÓ" of "PHÓ GIÁM ĐỐC", read by OCR with
    /// its own box) otherwise starts a line of its own, which is then read before the rest of its words.
    /// </summary>
    private static void Reattach(List<List<Word>> lines)
    {
        for (var i = 0; i < lines.Count; i++)
            for (var k = lines[i].Count - 1; k >= 0; k--)
            {
                var w = lines[i][k];
                if (lines[i].Any(v => !ReferenceEquals(v, w) && Adjacent(w, v))) continue;
                var target = -1;
                for (var j = 0; j < lines.Count && target < 0; j++)
                    if (j != i && lines[j].Any(u => Adjacent(w, u))) target = j;
                if (target < 0) continue;
                lines[i].RemoveAt(k);
                lines[target].Add(w);
            }
    }

    /// <summary>Side by side on one printed line: a gap under a letter's height (or touching), and mostly the same height.</summary>
    private static bool Adjacent(Word a, Word b)
    {
        var gap = Math.Max(b.Box.X0 - a.Box.X1, a.Box.X0 - b.Box.X1);
        var overlap = Math.Min(a.Box.Y1, b.Box.Y1) - Math.Max(a.Box.Y0, b.Box.Y0);
        return gap >= -1 && gap <= 0.8 * Math.Max(a.Box.Height, b.Box.Height) && overlap >= 0.6 * Math.Min(a.Box.Height, b.Box.Height);
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
