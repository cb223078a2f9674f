using Baocao.Checks;
using Baocao.Text;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

/// <summary>"1,572" read from the document's evidence (issue 14, item 6): its arithmetic, else the shape of a count column.</summary>
public class NumberGroupingTests
{
    private static TestRecords.Col[] Counts() =>
    [
        new(null, null, Header: "STT"), new(null, null, Header: "Đơn vị"),
        new("received.total", null, Header: "Số hồ sơ tiếp nhận"), new(null, null, Header: "Tỷ lệ đúng hạn (%)"),
    ];

    [Fact]
    public void CommaThousands_TakenWhereTheArithmeticHoldsOnlySo()
    {
        var t = Table(0, Form06a(),
            R06("1", "Hộ tịch", "1,572", "1,000", "500", "72", "1,500", "1,200", "300", "0", "72", "72", "0"),
            R06("2", "Chứng thực", "25", "5", "20", "0", "25", "5", "20", "0", "0", "0", "0"),
            R06("", "Tổng cộng", "1,597", "1,005", "520", "72", "1,525", "1,205", "320", "0", "72", "72", "0"));
        var (record, notes) = NumberGrouping.Resolve(Record(tables: [t]));

        var row = record.Tables[0].Rows[0];
        Assert.Equal(1572m, row.Values["received.total"]);
        Assert.Equal(1000m, row.Values["received.online"]);
        Assert.Equal(500m, row.Values["received.direct"]);                       // never ambiguous, unchanged
        var cell = row.Cells[2];
        Assert.Equal("1,572", cell.Raw);                                           // the printed text is kept
        Assert.Contains(NumberParser.FlagCommaThousands, cell.Flags);
        Assert.DoesNotContain(NumberParser.FlagAmbiguousGrouping, cell.Flags);
        Assert.Equal(1597m, record.Tables[0].Rows[2].Values["received.total"]);
        var note = Assert.Single(notes);
        Assert.Contains("arithmetic", note);
        // Read so, the checks find nothing wrong; read as decimals they would have reported the formulas and totals.
        Assert.DoesNotContain(ReportChecker.CreateDefault().Check(record), c => c.Severity is Severity.Error or Severity.Warning);
        Assert.Contains(ReportChecker.CreateDefault().Check(Record(tables: [t])), c => c.Severity == Severity.Error || c.Severity == "doubt");
    }

    [Fact]
    public void DecimalReading_KeptWhereTheArithmeticHoldsSo()
    {
        var t = Table(0, Form06a(),
            R06("1", "Hộ tịch", "1,250", "1", "0,250", "0", "0", "0", "0", "0", "0", "0", "0"));
        var (record, notes) = NumberGrouping.Resolve(Record(tables: [t]));
        Assert.Empty(notes);
        Assert.Equal(1.25m, record.Tables[0].Rows[0].Values["received.total"]);
        Assert.Contains(NumberParser.FlagAmbiguousGrouping, record.Tables[0].Rows[0].Cells[2].Flags);
    }

    [Fact]
    public void CountColumn_WithThreeDigitsAfterEveryComma_IsThousands_PercentKeepsDecimals()
    {
        var t = Table(0, Counts(),
            new TestRecords.Row("1", "Xã An Hữu", "1,572", "12,500"),
            new TestRecords.Row("2", "Xã Hòa Hưng", "2,004", "98,125"));
        var (record, notes) = NumberGrouping.Resolve(Record(tables: [t]));
        var rows = record.Tables[0].Rows;
        Assert.Equal(1572m, rows[0].Values["received.total"]);
        Assert.Equal(2004m, rows[1].Values["received.total"]);
        Assert.Equal(12.5m, rows[0].Cells[3].Value);                               // a percentage keeps its decimals
        Assert.Contains(NumberParser.FlagAmbiguousGrouping, rows[0].Cells[3].Flags);
        Assert.Contains("counts dossiers", Assert.Single(notes));
    }

    [Fact]
    public void CountColumn_WithAnyOtherComma_IsLeftAmbiguous()
    {
        var t = Table(0, Counts(),
            new TestRecords.Row("1", "Xã An Hữu", "1,572", "12,5"),
            new TestRecords.Row("2", "Xã Hòa Hưng", "12,5", "98,1"));
        var (record, notes) = NumberGrouping.Resolve(Record(tables: [t]));
        Assert.Empty(notes);
        Assert.Equal(1.572m, record.Tables[0].Rows[0].Values["received.total"]);
    }

    [Theory]
    [InlineData("1,234,567", 1234567)]
    [InlineData("12,345,678", 12345678)]
    public void TwoCommas_GroupThousands(string raw, int expected)
    {
        var v = NumberParser.ParseCell(raw);
        Assert.Equal(ValueKind.Number, v.Kind);
        Assert.Equal(expected, v.Value);
        Assert.Equal([NumberParser.FlagCommaThousands], v.Flags);
    }
}
