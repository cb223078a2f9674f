using Baocao.Documents;

namespace Baocao.Tests.Figures;

/// <summary>
/// Builds reader output from plain text, one line per paragraph, in the two shapes the readers produce.
/// A line "&lt;page&gt;" moves the following text to the next page.
/// </summary>
internal static class TestBlocks
{
    public const string PageBreak = "<page>";

    /// <summary>DOCX-like: one block per paragraph, no geometry.</summary>
    public static IReadOnlyList<Block> Paragraphs(string text)
    {
        var blocks = new List<Block>();
        var page = 1;
        foreach (var line in Lines(text))
        {
            if (line == PageBreak) { page++; continue; }
            blocks.Add(new TextBlock(line, page, null, Side.Full, false, false));
        }
        return blocks;
    }

    /// <summary>
    /// PDF-like: every paragraph word-wrapped into printed lines of at most <paramref name="width"/> characters, one block
    /// per line, with a box whose right edge follows the line's length (5 pt a character), so the last line of a
    /// paragraph ends short as on paper; <paramref name="linesPerPage"/> lines fill a page.
    /// </summary>
    public static IReadOnlyList<Block> Wrapped(string text, int width = 90, int linesPerPage = 40)
    {
        var blocks = new List<Block>();
        var page = 1;
        var onPage = 0;
        foreach (var paragraph in Lines(text))
        {
            if (paragraph == PageBreak) { page++; onPage = 0; continue; }
            foreach (var line in Wrap(paragraph, width))
            {
                if (onPage == linesPerPage) { page++; onPage = 0; }
                var top = 60 + 14 * onPage;
                blocks.Add(new TextBlock(line, page, new BBox(56, top, 56 + 5 * line.Length, top + 12), Side.Full, false, false));
                onPage++;
            }
        }
        return blocks;
    }

    public static IEnumerable<string> Wrap(string paragraph, int width)
    {
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
