using Baocao.Documents;
using Baocao.Text;

namespace Baocao.Header;

/// <summary>
/// One printed line as the header stage reads it: a DOCX paragraph, a PDF line segment, or a piece of either once
/// soft line breaks and column tabs are taken apart. <c>Block</c> is the index of the source block, so the stage knows
/// where tables sit between lines; <c>HasBox</c> tells a PDF line (a paragraph may wrap across several) from a DOCX
/// paragraph (always whole).
/// </summary>
internal sealed record Line(string Text, Side Side, bool Centered, bool Bold, bool HasBox, int Block, int Page);

internal static class Lines
{
    private static readonly char[] Breaks = ['\n', '\r', '\v', '\u2028', '\u2029'];

    /// <summary>
    /// The document's text lines in reading order. A paragraph holding soft line breaks ("KT. CHỦ TỊCH↵PHÓ CHỦ TỊCH")
    /// becomes one line per printed line. Where <paramref name="splitTabs"/> says so for a block, a full-width paragraph
    /// laid out with tabs ("UBND TỈNH TRÀ VINH⇥CỘNG HÒA …", "Nơi nhận:⇥KT. CHỦ TỊCH") is split into its left and right
    /// columns; this is limited to the header and signature areas because elsewhere a leading tab is just an indent.
    /// Empty lines are dropped.
    /// </summary>
    public static List<Line> Build(IReadOnlyList<Block> blocks, Func<int, bool> splitTabs)
    {
        var list = new List<Line>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not TextBlock tb || string.IsNullOrWhiteSpace(tb.Text)) continue;
            foreach (var raw in tb.Text.Split(Breaks))
            {
                if (tb.Side == Side.Full && splitTabs(i) && raw.Contains('\t'))
                {
                    var parts = raw.Split('\t');
                    var first = true;
                    for (var p = 0; p < parts.Length; p++)
                    {
                        var text = VietText.Clean(parts[p]);
                        if (text.Length == 0) continue;
                        // The first cell counts as the left column only when the paragraph starts with it, not with a tab.
                        var side = first && p == 0 ? Side.Left : Side.Right;
                        list.Add(new Line(text, side, tb.Centered, tb.Bold, tb.Box is not null, i, tb.Page));
                        first = false;
                    }
                    continue;
                }
                var clean = VietText.Clean(raw);
                if (clean.Length > 0) list.Add(new Line(clean, tb.Side, tb.Centered, tb.Bold, tb.Box is not null, i, tb.Page));
            }
        }
        return list;
    }

    /// <summary>
    /// Running text for searches that must see across line ends (references, forms, "tỉnh" at the end of one PDF line
    /// and the province name on the next). DOCX paragraphs stay separate; consecutive PDF lines are joined, with no space
    /// after a line that ends in a hyphen glued to a word ("61/2018/NĐ-" + "CP"). A table between lines breaks the flow.
    /// </summary>
    public static List<string> Flow(IReadOnlyList<Line> lines, IReadOnlyList<Block> blocks)
    {
        var result = new List<string>();
        var sb = new System.Text.StringBuilder();
        Line? prev = null;
        foreach (var line in lines)
        {
            var joins = prev is { HasBox: true } && line.HasBox && !TableBetween(blocks, prev.Block, line.Block);
            if (!joins && sb.Length > 0)
            {
                result.Add(sb.ToString());
                sb.Clear();
            }
            if (sb.Length > 0 && !(sb[^1] == '-' && sb.Length > 1 && char.IsLetterOrDigit(sb[^2]))) sb.Append(' ');
            sb.Append(line.Text);
            prev = line;
        }
        if (sb.Length > 0) result.Add(sb.ToString());
        return result;
    }

    public static bool TableBetween(IReadOnlyList<Block> blocks, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
            if (blocks[k] is TableBlock) return true;
        return false;
    }
}
