using System.Globalization;
using Baocao.Repairs;
using Baocao.Reports;

namespace Baocao.Tests.Ocr;

/// <summary>A formula OCR read with a term lost is completed only when the rows show it.</summary>
public class OcrFormulasTests
{
    /// <summary>Columns (3)..(6) with the formula as read on (3); rows of (4), (5), (6) and the printed (3).</summary>
    private static ReportTable Table(string formula, params (decimal total, decimal a, decimal b, decimal c)[] rows)
    {
        TableColumn Col(int n, string? f = null) => new(n - 1, $"c{n}", null, $"({n})", n, f, 1);
        var columns = new[] { Col(3, formula), Col(4), Col(5), Col(6) };
        TableCell Cell(int n, decimal v, int r) => new($"c{n}", v.ToString(CultureInfo.InvariantCulture), "number", v, 1, null, r, n, []);
        var body = rows.Select((x, i) => new TableRow(i, $"{i + 1}", $"Lĩnh vực {i + 1}", "item", new Dictionary<string, decimal?>(),
            [Cell(3, x.total, i), Cell(4, x.a, i), Cell(5, x.b, i), Cell(6, x.c, i)], 1)).ToList();
        return new ReportTable(0, "II.06a", null, null, 1, null, null, null, null, columns, body, false);
    }

    [Fact]
    public void A_skipped_column_is_restored_when_the_rows_hold_the_whole_run()
    {
        // The last row breaks the whole run too: a real error, still for the checks to report.
        var t = Table("(3)=(4)+(6)", (10, 5, 3, 2), (7, 1, 1, 5), (20, 10, 4, 6), (9, 2, 2, 5), (30, 10, 10, 5));
        var (repaired, warnings) = OcrFormulas.Repair(t);
        Assert.Equal("(3)=(4)+(5)+(6)", repaired.Columns[0].Formula);
        Assert.Equal(t.Rows, repaired.Rows);   // no value changes
        Assert.Contains("was read «(3)=(4)+(6)», which 5 of 5 rows break; «(3)=(4)+(5)+(6)» holds on 4 of them", Assert.Single(warnings));
    }

    [Theory]
    [InlineData("(3)=(4)+(6)")]       // the rows fit the formula as read
    [InlineData("(3)=(4)+(5)+(6)")]   // nothing skipped
    public void Otherwise_the_formula_stays_as_read(string formula)
    {
        var t = formula == "(3)=(4)+(6)"
            ? Table(formula, (10, 5, 3, 5), (7, 1, 1, 6), (20, 10, 4, 10), (9, 2, 2, 7))
            : Table(formula, (10, 5, 3, 1), (7, 1, 1, 6), (20, 10, 4, 10), (9, 2, 2, 7));
        var (same, warnings) = OcrFormulas.Repair(t);
        Assert.Same(t, same);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Too_few_rows_are_no_evidence()
    {
        var t = Table("(3)=(4)+(6)", (10, 5, 3, 2), (7, 1, 1, 5));
        Assert.Same(t, OcrFormulas.Repair(t).Table);
    }
}
