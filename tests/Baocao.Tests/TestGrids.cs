using Baocao.Tables;

namespace Baocao.Tests;

/// <summary>
/// Builds a cell grid from rows of strings: "&lt;" continues the cell on the left (a column span), "^" the cell
/// above (a row span). Everything else is a cell's text.
/// </summary>
internal static class TestGrids
{
    public static CellGrid Build(params string[][] rows) => Build(1, rows);

    public static CellGrid Build(int page, params string[][] rows)
    {
        var cols = rows.Max(r => r.Length);
        var owner = new (int r, int c)?[rows.Length, cols];
        var spans = new Dictionary<(int r, int c), (int rs, int cs)>();
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < cols; c++)
            {
                var t = c < rows[r].Length ? rows[r][c] : "";
                if (t == "<" && c > 0 && owner[r, c - 1] is { } left)
                {
                    owner[r, c] = left;
                    var s = spans[left];
                    spans[left] = (s.rs, Math.Max(s.cs, c - left.c + 1));
                }
                else if (t == "^" && r > 0 && owner[r - 1, c] is { } up)
                {
                    owner[r, c] = up;
                    var s = spans[up];
                    spans[up] = (Math.Max(s.rs, r - up.r + 1), s.cs);
                }
                else
                {
                    owner[r, c] = (r, c);
                    spans[(r, c)] = (1, 1);
                }
            }
        var cells = spans.Select(kv => new GridCell(kv.Key.r, kv.Key.c, kv.Value.rs, kv.Value.cs, rows[kv.Key.r][kv.Key.c], page, null)).ToList();
        return new CellGrid(rows.Length, cols, cells, page, null, "test");
    }
}
