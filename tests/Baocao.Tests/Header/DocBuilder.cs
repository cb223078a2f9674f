using System.Text.RegularExpressions;
using Baocao.Documents;
using Baocao.Tables;

namespace Baocao.Tests.Header;

/// <summary>Which reader's block arrangement a test document is rendered in.</summary>
public enum Layout { Docx, Pdf }

/// <summary>
/// A document described once and rendered as either reader would deliver it, so every header test runs against both
/// arrangements of the same content.
/// <para>
/// In the texts, '|' marks where a PDF line wraps (DOCX keeps the paragraph whole and reads it as a space).
/// </para>
/// </summary>
public abstract record Part;

/// <summary>
/// A borderless two-column table (header or signature). DOCX flattens it: the left cell's paragraphs, then the right
/// cell's. PDF interleaves it row by row, left before right; a null entry is an empty printed row, which lets a test
/// place the signer's name several lines below its title as printed.
/// </summary>
public sealed record Columns(string?[] Left, string?[] Right, bool CenterCells = true) : Part;

/// <summary>A centred paragraph (title, caption). PDF: one centred line per '|'-separated piece.</summary>
public sealed record Centre(string Text, bool Bold = true) : Part;

/// <summary>A body paragraph. PDF: split at '|' where given, else wrapped at about 90 characters.</summary>
public sealed record Para(string Text, bool Bold = false) : Part;

/// <summary>A paragraph typed as is (raw text kept, including tabs and line breaks), the same in both layouts.</summary>
public sealed record Raw(string Text, bool Centered = false, bool Bold = false) : Part;

public sealed record PageBreak : Part;

/// <summary>A data table: a TableBlock in both layouts.</summary>
public sealed record Tbl : Part;

public static partial class DocBuilder
{
    private const double LineHeight = 14;
    private const double Top = 50;

    public static List<Block> Render(Layout layout, params Part[] parts) =>
        layout == Layout.Docx ? Docx(parts) : Pdf(parts);

    public static List<Block> Docx(params Part[] parts)
    {
        var blocks = new List<Block>();
        var page = 1;
        foreach (var part in parts)
        {
            switch (part)
            {
                case Columns c:
                    foreach (var t in c.Left.OfType<string>()) blocks.Add(new TextBlock(Unwrap(t), page, null, Side.Left, c.CenterCells, false));
                    foreach (var t in c.Right.OfType<string>()) blocks.Add(new TextBlock(Unwrap(t), page, null, Side.Right, true, false));
                    break;
                case Centre ce:
                    blocks.Add(new TextBlock(Unwrap(ce.Text), page, null, Side.Full, true, ce.Bold));
                    break;
                case Para p:
                    blocks.Add(new TextBlock(Unwrap(p.Text), page, null, Side.Full, false, p.Bold));
                    break;
                case Raw r:
                    blocks.Add(new TextBlock(r.Text, page, null, Side.Full, r.Centered, r.Bold));
                    break;
                case PageBreak:
                    page++;
                    break;
                case Tbl:
                    blocks.Add(Table(page));
                    break;
            }
        }
        return blocks;
    }

    public static List<Block> Pdf(params Part[] parts)
    {
        var blocks = new List<Block>();
        var page = 1;
        var y = Top;
        void Emit(string text, Side side, bool centered, bool bold)
        {
            text = Spaces().Replace(text.Trim(), " ");      // a PDF text layer has no runs of spaces
            var width = Math.Min(480, text.Length * 5.2);
            var (x0, x1) = side switch
            {
                Side.Left => (57 + (200 - Math.Min(200, width)) / 2, 57 + (200 + Math.Min(200, width)) / 2),
                Side.Right => (300 + (238 - Math.Min(238, width)) / 2, 300 + (238 + Math.Min(238, width)) / 2),
                _ => centered ? (297 - width / 2, 297 + width / 2) : (57, 57 + width),
            };
            blocks.Add(new TextBlock(text, page, new BBox(x0, y, x1, y + 11), side, centered, bold));
        }

        foreach (var part in parts)
        {
            switch (part)
            {
                case Columns c:
                {
                    var left = Physical(c.Left);
                    var right = Physical(c.Right);
                    var rows = Math.Max(left.Count, right.Count);
                    for (var r = 0; r < rows; r++)
                    {
                        if (r < left.Count && left[r] is { } l) Emit(l, Side.Left, false, false);
                        if (r < right.Count && right[r] is { } rt) Emit(rt, Side.Right, false, false);
                        y += LineHeight;
                    }
                    break;
                }
                case Centre ce:
                    foreach (var piece in ce.Text.Split('|'))
                    {
                        Emit(piece, Side.Full, true, ce.Bold);
                        y += LineHeight;
                    }
                    break;
                case Para p:
                    foreach (var piece in p.Text.Contains('|') ? p.Text.Split('|').ToList() : Wrap(p.Text, 90))
                    {
                        Emit(piece, Side.Full, false, p.Bold);
                        y += LineHeight;
                    }
                    break;
                case Raw r:
                    Emit(r.Text, Side.Full, r.Centered, r.Bold);
                    y += LineHeight;
                    break;
                case PageBreak:
                    page++;
                    y = Top;
                    break;
                case Tbl:
                    blocks.Add(Table(page));
                    y += 10 * LineHeight;
                    break;
            }
        }
        return blocks;
    }

    /// <summary>A column's printed lines, row by row: '|' wraps an entry onto the next row, null leaves a row empty.</summary>
    private static List<string?> Physical(string?[] entries)
    {
        var rows = new List<string?>();
        foreach (var e in entries)
        {
            if (e is null) rows.Add(null);
            else rows.AddRange(e.Split('|'));
        }
        return rows;
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current);
                current = word;
            }
            else current = current.Length == 0 ? word : current + " " + word;
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    // A word broken after a hyphen in print is one word in the paragraph ("NĐ-|CP").
    private static string Unwrap(string text) => text.Replace("-|", "-").Replace("|", " ");

    private static TableBlock Table(int page) =>
        new(new CellGrid(1, 1, [new GridCell(0, 0, 1, 1, "1", page, null)], page, null, "test"));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
