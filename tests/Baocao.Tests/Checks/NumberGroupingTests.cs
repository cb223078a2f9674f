using Baocao.Checks;
using Baocao.Reports;
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

/// <summary>The prose's "2,800": decided after the tables, from the same evidence (issue 14, item 6).</summary>
public class ProseNumberGroupingTests
{
    private static ReportTable CommaTable() => Table(0, Form06a(),
        R06("1", "Hộ tịch", "1,572", "1,000", "500", "72", "1,500", "1,200", "300", "0", "72", "72", "0"),
        R06("", "Tổng cộng", "1,572", "1,000", "500", "72", "1,500", "1,200", "300", "0", "72", "72", "0"));

    private static List<Check> Blaming(ReportRecord r) =>
        ReportChecker.CreateDefault().Check(r).Where(c => c.Severity is Severity.Error or Severity.Warning).ToList();

    [Fact]
    public void CommaThousands_InTheProse_DecidedByTheTablesAndItsOwnSums()
    {
        var figures = new[]
        {
            Fig("received.online", "1,000"), Fig("received.direct", "500"),
            Fig("resolved.total", "1,500"), Fig("resolved.early", "1,200"), Fig("resolved.on_time", "300"), Fig("resolved.late", "0"),
            Fig("resolved.late.pct", "0.00"),
        };
        var before = Record(tables: [CommaTable()], figures: figures);
        // Read as printed, "1,500" resolved against 1500 in the table: the checks blame the report.
        Assert.Contains(ReportChecker.CreateDefault().Check(before), c => c.Severity == Severity.Error && c.Rule.StartsWith("prose", StringComparison.Ordinal));

        var (record, notes) = NumberGrouping.Resolve(before);
        var resolved = record.Figures.Single(f => f.Key == "resolved.total");
        Assert.Equal(1500m, resolved.Value);
        Assert.Equal("1,500", resolved.Raw);                                             // the printed text is kept
        Assert.Equal([NumberParser.FlagCommaThousands], resolved.Flags);
        Assert.Equal(500m, record.Figures.Single(f => f.Key == "received.direct").Value);
        Assert.Empty(record.Figures.Single(f => f.Key == "received.direct").Flags);     // never ambiguous, untouched
        Assert.Equal(0m, record.Figures.Single(f => f.Key == "resolved.late.pct").Value);
        var note = Assert.Single(notes, n => n.StartsWith("prose:", StringComparison.Ordinal));
        Assert.Contains("«1,000» and 2 other figure(s)", note);
        Assert.Contains("arithmetic", note);
        Assert.Empty(Blaming(record));
    }

    [Fact]
    public void ProseAlone_CountsWithThreeDigitsAfterEveryComma_AreThousands_ShareKeepsDecimals()
    {
        // No table and no sum to weigh the two readings: a count of dossiers is a whole number.
        var (record, notes) = NumberGrouping.Resolve(Record(figures:
            [Fig("received.total", "1,572"), Fig("resolved.late", "36"), Fig("resolved.late.pct", "1,500")]));
        Assert.Equal(1572m, record.Figures[0].Value);
        Assert.Equal(1.5m, record.Figures[2].Value);                                   // "chiếm 1,500%" stays a share
        Assert.Contains(NumberParser.FlagAmbiguousGrouping, record.Figures[2].Flags);
        Assert.Contains("count dossiers", Assert.Single(notes));
    }

    [Fact]
    public void ProseArithmetic_Decides_EvenWhenAnotherCountHasADecimalComma()
    {
        // "2,5" breaks the shape rule; the sum 1,572 = 1,000 + 572 + 0 holds only with comma thousands.
        var (record, notes) = NumberGrouping.Resolve(Record(figures:
        [
            Fig("resolved.total", "1,572"), Fig("resolved.early", "1,000"), Fig("resolved.on_time", "572"), Fig("resolved.late", "0"),
            Fig("pending.total", "2,5"),
        ]));
        Assert.Equal(1572m, record.Figures[0].Value);
        Assert.Equal(1000m, record.Figures[1].Value);
        Assert.Equal(2.5m, record.Figures[4].Value);                                   // not a candidate: printed as it reads
        Assert.Contains("1 of 1 relations", Assert.Single(notes));
    }

    [Fact]
    public void MixedProse_WithoutArithmetic_StaysAmbiguous_AndItsFindingsAreDoubts()
    {
        // "1,572" beside "2,5": the document uses decimal commas somewhere and no relation tells; against a table's
        // 1600 neither reading holds. Flagged, not guessed: the finding rests on a doubtful reading.
        var table = Table(0, Form06a(),
            R06("", "Tổng cộng", "1600", "1600", "0", "0", "0", "0", "0", "0", "2,5", "0", "2,5"));
        var input = Record(tables: [table], figures: [Fig("received.online", "1,572"), Fig("pending.late", "2,5")]);
        var (record, notes) = NumberGrouping.Resolve(input);
        Assert.Empty(notes);
        Assert.Equal(1.572m, record.Figures[0].Value);
        Assert.Contains(NumberParser.FlagAmbiguousGrouping, record.Figures[0].Flags);
        var checks = ReportChecker.CreateDefault().Check(record);
        Assert.Equal(Severity.Doubt, Assert.Single(checks, c => c.Rule == "prose.table" && c.Column == "received.online").Severity);
        Assert.DoesNotContain(checks, c => c.Rule.StartsWith("prose", StringComparison.Ordinal) && c.Severity is Severity.Error or Severity.Warning);
    }

    [Fact]
    public void DotThousands_AsVietnameseReportsPrintThem_AreNotTouched()
    {
        var input = Record(figures: [Fig("received.total", "1.572"), Fig("resolved.total", "1.500"), Fig("resolved.late.pct", "2,02")]);
        var (record, notes) = NumberGrouping.Resolve(input);
        Assert.Empty(notes);
        Assert.Same(input, record);
        Assert.Equal(1572m, record.Figures[0].Value);
    }

    [Fact]
    public void FigureRawAndFlags_SurviveTheRecordJson()
    {
        var (record, _) = NumberGrouping.Resolve(Record(figures: [Fig("received.total", "1,572"), Fig("pending.total", "12")]));
        var back = Baocao.Output.RecordJsonReader.Parse(Baocao.Output.RecordJson.Serialize(record));
        Assert.Equal("1,572", back.Figures[0].Raw);
        Assert.Equal(1572m, back.Figures[0].Value);
        Assert.Equal([NumberParser.FlagCommaThousands], back.Figures[0].Flags);
        Assert.Empty(back.Figures[1].Flags);
    }
}
