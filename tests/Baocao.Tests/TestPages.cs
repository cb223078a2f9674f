using Baocao.Documents;

namespace Baocao.Tests;

/// <summary>Builds small pages in code: words laid out on a line, and ruled grids.</summary>
internal static class TestPages
{
    /// <summary>Words of a line starting at x, each word 6pt per character, separated by 3pt (or the given gaps).</summary>
    public static List<Word> Line(double x, double y, string text, double height = 12)
    {
        var words = new List<Word>();
        foreach (var t in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = 6.0 * t.Length;
            words.Add(new Word(t, new BBox(x, y, x + w, y + height)));
            x += w + 3;
        }
        return words;
    }

    /// <summary>One word centred in a box.</summary>
    public static Word In(double x0, double y0, double x1, double y1, string text)
    {
        var cx = (x0 + x1) / 2;
        var cy = (y0 + y1) / 2;
        var w = 5.0 * text.Length;
        return new Word(text, new BBox(cx - w / 2, cy - 5, cx + w / 2, cy + 5));
    }

    public static RulingLine H(double x0, double x1, double y) => new(x0, y, x1, y);
    public static RulingLine V(double x, double y0, double y1) => new(x, y0, x, y1);
}
