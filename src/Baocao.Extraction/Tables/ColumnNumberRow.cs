using System.Globalization;
using System.Text.RegularExpressions;

namespace Baocao.Tables;

/// <summary>
/// The row of column numbers under a form's header ("(1) (2) (3)=(4)+(5)+(6) …"): the most stable anchor of these
/// tables, since headings vary between provinces and years but the numbering does not.
/// </summary>
public static partial class ColumnNumberRow
{
    /// <summary>
    /// The non-empty cells are column numbers or formulas, at least 60% of the columns are filled, and the numbers
    /// increase left to right. Searched in the first rows only. A printed row is all numbers; an OCR'd one may
    /// have a cell or two it could not read, so up to a fifth of the cells may fail, provided some cell is in
    /// parentheses or a formula (a row of small data figures has neither).
    /// </summary>
    public static int? Find(CellGrid grid, int maxRows = 10)
    {
        for (var r = 0; r < Math.Min(grid.Rows, maxRows); r++)
        {
            var nums = new List<int>();
            var filled = 0;
            var marked = false;
            for (var c = 0; c < grid.Cols; c++)
            {
                if (!grid.IsOrigin(r, c)) continue;
                var t = grid.TextAt(r, c);
                if (t.Length == 0) continue;
                filled++;
                if (Parse(t) is { number: { } n })
                {
                    nums.Add(n);
                    marked |= t.Contains('(') || t.Contains('=');
                }
            }
            var failed = filled - nums.Count;
            if (failed > 0 && (failed * 5 > filled || !marked)) continue;
            if (nums.Count < Math.Max(2, 0.6 * grid.Cols)) continue;
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
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var rhs = m.Groups["rhs"].Value;
        if (rhs.Length == 0) return (n, null);
        var terms = FormulaTerm().Matches(rhs).Select(t => (sign: t.Groups["op"].Value is "-" or "–" ? "-" : "+", num: t.Groups["d"].Value)).ToList();
        // A formula sums columns to its right, each once: anything else is a misreading, not a formula.
        var parts = terms.Select(t => int.Parse(t.num, CultureInfo.InvariantCulture)).ToList();
        if (terms.Count < 2 || parts.Any(p => p <= n) || parts.Distinct().Count() != parts.Count) return (n, null);
        var formula = $"({n})=" + string.Concat(terms.Select((t, i) => (i == 0 ? "" : t.sign) + $"({t.num})"));
        return (n, formula);
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();

    [GeneratedRegex(@"^\(?(?<n>\d{1,2})\)?(=(?<rhs>[\d()+\-–]+))?$")]
    private static partial Regex ColumnNumber();

    [GeneratedRegex(@"(?<op>[+\-–]?)\(?(?<d>\d{1,2})\)?")]
    private static partial Regex FormulaTerm();
}
