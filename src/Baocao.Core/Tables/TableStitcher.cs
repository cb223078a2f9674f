using System.Text.RegularExpressions;
using Baocao.Documents;

namespace Baocao.Tables;

/// <summary>
/// A long table printed across pages arrives as one grid per page. Consecutive grids on consecutive pages with
/// the same columns and nothing but a page number between them are one table; header rows repeated at the top
/// of the continuation are dropped.
/// </summary>
public static partial class TableStitcher
{
    public static IReadOnlyList<Block> Stitch(IReadOnlyList<Block> blocks)
    {
        var result = new List<Block>();
        TableBlock? open = null;
        var pending = new List<Block>(); // page furniture between two parts
        foreach (var b in blocks)
        {
            if (b is TableBlock t)
            {
                if (open is not null && pending.All(IsFurniture) && Continues(open.Grid, t.Grid))
                {
                    open = new TableBlock(Append(open.Grid, t.Grid));
                    result[^1] = open;
                    pending.Clear();
                    continue;
                }
                result.AddRange(pending);
                pending.Clear();
                result.Add(t);
                open = t;
            }
            else if (open is not null && b is TextBlock tb && IsFurniture(tb))
            {
                pending.Add(b);
            }
            else
            {
                result.AddRange(pending);
                pending.Clear();
                result.Add(b);
                open = null;
            }
        }
        result.AddRange(pending);
        return result;
    }

    private static bool IsFurniture(Block b) => b is TextBlock t && PageNumber().IsMatch(t.Text);

    private static bool Continues(CellGrid a, CellGrid b)
    {
        var lastPage = a.Cells.Max(c => c.Page);
        if (b.Page != lastPage + 1 || a.Cols != b.Cols) return false;
        if (a.Box is not { } ab || b.Box is not { } bb) return false;
        return Math.Abs(ab.X0 - bb.X0) <= 4 && Math.Abs(ab.X1 - bb.X1) <= 4;
    }

    private static string RowKey(CellGrid g, int r) => string.Join("|", Enumerable.Range(0, g.Cols).Select(c => g.TextAt(r, c)));

    private static CellGrid Append(CellGrid a, CellGrid b)
    {
        // Drop the leading rows of b that repeat a's leading rows (a repeated header).
        var skip = 0;
        for (var m = Math.Min(8, Math.Min(a.Rows, b.Rows - 1)); m >= 1; m--)
        {
            if (Enumerable.Range(0, m).All(r => RowKey(a, r) == RowKey(b, r))) { skip = m; break; }
        }
        var cells = a.Cells.ToList();
        foreach (var c in b.Cells)
        {
            if (c.Row < skip) continue;
            cells.Add(c with { Row = c.Row - skip + a.Rows });
        }
        return new CellGrid(a.Rows + b.Rows - skip, a.Cols, cells, a.Page, a.Box, a.Detector);
    }

    [GeneratedRegex(@"^[-–\s]*(Trang\s*)?\d{1,3}[-–\s]*$")]
    private static partial Regex PageNumber();
}
