using Baocao.Checks;
using Baocao.Reports;

namespace Baocao.Repairs;

/// <summary>
/// A column-number row whose formula OCR read with a term missing ("(3)=(4)+(6)" for "(3)=(4)+(5)+(6)", a "+(5)" lost
/// in the print's thin strokes): every row then breaks it, and each would be reported as an error in the source. The
/// forms sum runs of adjacent columns, so when the printed terms skip a column that lies between them, the rows decide:
/// if the formula as read holds on at most a fifth of the rows and the whole run holds on at least four fifths, the
/// run is taken, and a warning says so. Rows that break the run are still reported by the checks. Pure; scanned
/// reports only (a digital formula is what the source printed).
/// </summary>
public static class OcrFormulas
{
    public static (ReportTable Table, IReadOnlyList<string> Warnings) Repair(ReportTable table)
    {
        var warnings = new List<string>();
        var columns = table.Columns.ToList();
        var byNumber = table.Columns.Where(c => c.Number is not null).GroupBy(c => c.Number!.Value).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var f in TableRules.Formulas(table))
        {
            var numbers = f.Terms.Select(c => c.Number!.Value).ToList();
            int lo = numbers.Min(), hi = numbers.Max();
            var run = Enumerable.Range(lo, hi - lo + 1).ToList();
            if (numbers.Distinct().Count() != numbers.Count || run.Count == numbers.Count || f.Column.Number is { } n && n >= lo && n <= hi
                || run.Any(k => !byNumber.ContainsKey(k)))
                continue;
            var (tested, asRead, whole) = Holds(table, f.Column, f.Terms, run.Select(k => byNumber[k]).ToList());
            if (tested < 3 || asRead * 5 > tested || whole * 5 < tested * 4) continue;
            var text = $"({f.Column.Number})=" + string.Join("+", run.Select(k => $"({k})"));
            var at = columns.FindIndex(c => c.Id == f.Column.Id);
            columns[at] = columns[at] with { Formula = text, FormulaAsRead = f.Text };
            warnings.Add($"table {table.Index}: the formula of column ({f.Column.Number}) was read «{f.Text}», which {tested - asRead} of {tested} rows break; " +
                         $"«{text}» holds on {whole} of them, so a term was lost in reading (OCR)");
        }
        return (warnings.Count == 0 ? table : table with { Columns = columns }, warnings);
    }

    /// <summary>Rows with every value present, and on how many the formula as read and the whole run hold.</summary>
    private static (int Tested, int AsRead, int Whole) Holds(ReportTable t, TableColumn target, IReadOnlyList<TableColumn> read, IReadOnlyList<TableColumn> run)
    {
        int tested = 0, asRead = 0, whole = 0;
        foreach (var row in t.Rows.Where(r => r.Kind is "item" or "group" or "total"))
        {
            decimal? V(TableColumn c) => row.Cells.FirstOrDefault(x => x.Column == c.Id)?.Value;
            if (V(target) is not { } total || run.Any(c => V(c) is null)) continue;
            tested++;
            if (read.Sum(c => V(c)!.Value) == total) asRead++;
            if (run.Sum(c => V(c)!.Value) == total) whole++;
        }
        return (tested, asRead, whole);
    }
}
