using Baocao.Documents;
using Baocao.Text;

namespace Baocao.Layout;

/// <summary>Joins words into text.</summary>
public static class WordText
{
    /// <summary>
    /// Joins the words of one printed line, left to right. Words that touch (no gap) are one word split by the
    /// text layer, as happens where a font falls back for some Vietnamese letters: they are joined without a space.
    /// </summary>
    public static string JoinLine(IEnumerable<Word> words)
    {
        var sb = new System.Text.StringBuilder();
        Word? prev = null;
        foreach (var w in words.OrderBy(w => w.Box.X0))
        {
            if (prev is not null && w.Box.X0 - prev.Box.X1 > Math.Max(0.6, 0.08 * w.Box.Height)) sb.Append(' ');
            sb.Append(w.Text);
            prev = w;
        }
        return VietText.Clean(sb.ToString());
    }

    /// <summary>Joins words into text in reading order: lines top to bottom (by vertical overlap), words left to right.</summary>
    public static string Join(IEnumerable<Word> words) =>
        VietText.Clean(string.Join(" ", LineSegmenter.Lines(words).Select(JoinLine)));
}
