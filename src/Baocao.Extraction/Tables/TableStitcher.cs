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

    /// <summary>
    /// Row r of both grids says the same: at least 60% of the filled columns carry the same text (spaces, tone
    /// marks and case aside, and a slip of OCR: up to one character in eight may differ). A repeated header is not
    /// always printed identically (a tall merged cell can be cut differently), nor read identically from a scan.
    /// </summary>
    private static bool SimilarRows(CellGrid a, CellGrid b, int r)
    {
        static string Norm(string s) => Text.VietText.Fold(s).Replace(" ", "").ToLowerInvariant();
        var filled = 0;
        var same = 0;
        for (var c = 0; c < a.Cols; c++)
        {
            var ta = a.IsOrigin(r, c) ? Norm(a.TextAt(r, c)) : "";
            var tb = b.IsOrigin(r, c) ? Norm(b.TextAt(r, c)) : "";
            if (ta.Length == 0 && tb.Length == 0) continue;
            filled++;
            if (ta == tb || (ta.Length >= 8 && Distance(ta, tb) * 8 <= ta.Length)) same++;
        }
        return filled > 0 && same >= 0.6 * filled;
    }

    /// <summary>Levenshtein distance (no library in reach offers one).</summary>
    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    private static CellGrid Append(CellGrid a, CellGrid b)
    {
        // Drop a repeated header: everything down to the column-number row when the continuation repeats it,
        // else the leading rows that repeat a's leading rows word for word.
        var skip = 0;
        if (ColumnNumberRow.Find(a) is not null && ColumnNumberRow.Find(b, 6) is { } nb) skip = nb + 1;
        else if (ColumnNumberRow.Find(a) is { } na && na + 1 < b.Rows && Enumerable.Range(0, na + 1).All(r => SimilarRows(a, b, r))) skip = na + 1;
        else
            for (var m = Math.Min(8, Math.Min(a.Rows, b.Rows - 1)); m >= 1; m--)
                if (Enumerable.Range(0, m).All(r => SimilarRows(a, b, r))) { skip = m; break; }

        var cells = a.Cells.ToList();
        var rows = a.Rows;
        // A row whose text ran over the page break: the continuation's first row holds only the rest of one
        // cell (no STT, nothing else), which belongs to the last row of the first part.
        if (skip < b.Rows)
        {
            var first = b.Cells.Where(c => c.Row == skip).ToList();
            var filled = first.Where(c => c.Text.Length > 0).ToList();
            if (filled.Count == 1 && filled[0].Col > 0 && first.All(c => c.RowSpan == 1) &&
                cells.FirstOrDefault(c => c.Row + c.RowSpan == a.Rows && c.Col == filled[0].Col) is { } above && above.Text.Length > 0)
            {
                cells[cells.IndexOf(above)] = above with { Text = above.Text + " " + filled[0].Text };
                skip++;
            }
        }
        foreach (var c in b.Cells)
        {
            if (c.Row < skip) continue;
            cells.Add(c with { Row = c.Row - skip + rows });
        }
        return new CellGrid(a.Rows + b.Rows - skip, a.Cols, cells, a.Page, a.Box, a.Detector);
    }

    [GeneratedRegex(@"^[-–\s]*(Trang\s*)?\d{1,3}[-–\s]*$")]
    private static partial Regex PageNumber();
}
