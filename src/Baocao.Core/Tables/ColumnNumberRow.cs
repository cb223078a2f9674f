using System.Text.RegularExpressions;

namespace Baocao.Tables;

/// <summary>
/// The row of column numbers under a form's header ("(1) (2) (3)=(4)+(5)+(6) …"): the most stable anchor of these
/// tables, since headings vary between provinces and years but the numbering does not.
/// </summary>
public static partial class ColumnNumberRow
{
    /// <summary>
    /// Every non-empty cell is a column number or a formula, at least 60% of the columns are filled, and the
    /// numbers increase left to right. Searched in the first rows only.
    /// </summary>
    public static int? Find(CellGrid grid, int maxRows = 10)
    {
        for (var r = 0; r < Math.Min(grid.Rows, maxRows); r++)
        {
            var nums = new List<int>();
            var ok = true;
            for (var c = 0; c < grid.Cols && ok; c++)
            {
                if (!grid.IsOrigin(r, c)) continue;
                var t = grid.TextAt(r, c);
                if (t.Length == 0) continue;
                if (Parse(t) is { number: { } n }) nums.Add(n);
                else ok = false;
            }
            if (!ok || nums.Count < Math.Max(2, 0.6 * grid.Cols)) continue;
            if (nums.Zip(nums.Skip(1)).All(p => p.Second > p.First)) return r;
        }
        return null;
    }

    /// <summary>"(3)=(4) +(5)+(6)" gives 3 and "(3)=(4)+(5)+(6)"; "3=(4+5)" gives 3 and "(3)=(4)+(5)"; "(2)" gives 2.</summary>
    public static (int? number, string? formula) Parse(string text)
    {
        var s = Spaces().Replace(text, "");
        var m = ColumnNumber().Match(s);
        if (!m.Success) return (null, null);
        var n = int.Parse(m.Groups["n"].Value);
        var rhs = m.Groups["rhs"].Value;
        if (rhs.Length == 0) return (n, null);
        var terms = FormulaTerm().Matches(rhs).Select(t => (sign: t.Groups["op"].Value is "-" or "–" ? "-" : "+", num: t.Groups["d"].Value)).ToList();
        if (terms.Count < 2) return (n, null);
        var formula = $"({n})=" + string.Concat(terms.Select((t, i) => (i == 0 ? "" : t.sign) + $"({t.num})"));
        return (n, formula);
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();

    [GeneratedRegex(@"^\(?(?<n>\d{1,2})\)?(=(?<rhs>[\d()+\-–]+))?$")]
    private static partial Regex ColumnNumber();

    [GeneratedRegex(@"(?<op>[+\-–]?)\(?(?<d>\d{1,2})\)?")]
    private static partial Regex FormulaTerm();
}
