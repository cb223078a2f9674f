using Baocao.Checks;
using Baocao.Output;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

/// <summary>Checks that do not cry wolf (issue 14, item 8): a failure resting on a doubtful reading is a doubt, never an error.</summary>
public class DoubtTests
{
    // (3)=(4)+(5)+(6) with (4) read "95" where 105 is printed; (3), (7) and (11) balance (120 = 100 + 20).
    private static ReportTable Row(string online, params TestRecords.Row[] more) => Table(0, Form06a(),
        [R06("1", "Hộ tịch", "120", online, "15", "0", "100", "90", "10", "0", "20", "20", "0"), .. more]);

    [Fact]
    public void LowConfidenceValue_NotConfirmed_IsADoubtNamingTheReadingThatWouldHold()
    {
        var checks = ReportChecker.CreateDefault().Check(Record(tables: [Row("95@0.55")]));
        var c = Assert.Single(checks, x => x.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Doubt, Cause.Reading, 105m), (c.Severity, c.Cause, c.Proposed!.Value));
        Assert.Contains("«95» with OCR confidence 0.55", c.Message);
        Assert.Contains("would be 105", c.Message);
        Assert.DoesNotContain(checks, x => x.Severity == Severity.Error);
    }

    [Fact]
    public void TheSameFailure_WithConfidentValues_IsAPrintedError()
    {
        var c = Assert.Single(ReportChecker.CreateDefault().Check(Record(tables: [Row("95")])), x => x.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Error, Cause.Report), (c.Severity, c.Cause));
        Assert.Null(c.Proposed);
    }

    [Fact]
    public void ADoubtfulValue_ThatAHoldingCheckConfirms_IsNotDoubtful()
    {
        // The totals row repeats 95 in (4) and it adds up (95 + 0): the reading 95 is confirmed, so the row's formula
        // failing is the document's own error.
        var checks = ReportChecker.CreateDefault().Check(Record(tables: [Row("95@0.55",
            R06("2", "Chứng thực", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"),
            R06("", "Tổng cộng", "120", "95", "15", "0", "100", "90", "10", "0", "20", "20", "0"))]));
        var c = Assert.Single(checks, x => x.Rule == CheckRule.Formula && x.Row == "Hộ tịch");
        Assert.Equal((Severity.Error, Cause.Report), (c.Severity, c.Cause));
    }

    [Fact]
    public void AnAmbiguousGrouping_IsADoubt_AndTheThousandsReadingIsNamed()
    {
        // "1,005" left ambiguous (the checks alone, no grouping decided): read 1.005, the formula fails.
        var t = Table(0, Form06a(), R06("1", "Hộ tịch", "1.020", "1,005", "15", "0", "1.000", "900", "100", "0", "20", "20", "0"));
        var c = Assert.Single(ReportChecker.CreateDefault().Check(Record(tables: [t])), x => x.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Doubt, Cause.Reading, 1005m), (c.Severity, c.Cause, c.Proposed!.Value));
        Assert.Contains("ambiguous-grouping", c.Message);
        Assert.Contains("comma thousands", c.Message);
    }

    [Fact]
    public void CauseSurvivesTheRecordJson()
    {
        var record = Record(tables: [Row("95@0.55")]);
        record = ReportChecker.CreateDefault().Apply(record);
        var back = RecordJsonReader.Parse(RecordJson.Serialize(record));
        var c = Assert.Single(back.Checks, x => x.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Doubt, Cause.Reading, 105m), (c.Severity, c.Cause, c.Proposed!.Value));
    }

    private static ReportTable Repaired(ReportTable t) =>
        t with { Columns = t.Columns.Select(c => c.Number == 3 ? c with { FormulaAsRead = "(3)=(4)+(6)" } : c).ToList() };

    [Fact]
    public void AFormulaRepairedFromOcr_UnconfirmedByOtherRows_IsADoubt()
    {
        var c = Assert.Single(ReportChecker.CreateDefault().Check(Record(tables: [Repaired(Row("95"))])), x => x.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Doubt, Cause.Reading), (c.Severity, c.Cause));
        Assert.Contains("read «(3)=(4)+(6)»", c.Message);
    }

    [Fact]
    public void AFormulaRepairedFromOcr_ThatHoldsOnOtherRows_StillReportsThePrintedError()
    {
        var t = Repaired(Row("95", R06("2", "Chứng thực", "30", "10", "20", "0", "30", "30", "0", "0", "0", "0", "0")));
        var c = Assert.Single(ReportChecker.CreateDefault().Check(Record(tables: [t])), x => x.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Error, Cause.Report, "Hộ tịch"), (c.Severity, c.Cause, c.Row));
    }

    [Fact]
    public void FormulaAsReadSurvivesTheRecordJson()
    {
        var back = RecordJsonReader.Parse(RecordJson.Serialize(Record(tables: [Repaired(Row("105"))])));
        Assert.Equal("(3)=(4)+(6)", back.Tables[0].Columns[2].FormulaAsRead);
        Assert.Null(back.Tables[0].Columns[3].FormulaAsRead);
    }

    [Fact]
    public void OnAScan_AFormulaSkippingAPrintedColumn_HoldsWithTheWholeRun_AsInfo()
    {
        // "(7)=(8)+(9)+(10)" read "(7)=(8)+(10)": every row fails as read and holds with (9) put back.
        var cols = Form06a().Select(c => c.Number == 7 ? c with { Formula = "(7)=(8)+(10)" } : c).ToArray();
        var t = Table(0, cols,
            R06("1", "Đất đai", "3.903", "3.000", "903", "0", "3.903", "3.105", "702", "96", "0", "0", "0"),
            R06("2", "Môi trường", "94", "90", "4", "0", "94", "71", "20", "3", "0", "0", "0"));
        var scan = Record(tables: [t]) is var r ? r with { Source = r.Source with { Ocr = true } } : null;
        var checks = ReportChecker.CreateDefault().Check(scan!);
        Assert.DoesNotContain(checks, c => c.Severity is Severity.Error or Severity.Warning or Severity.Doubt);
        Assert.Equal(2, checks.Count(c => c.Rule == CheckRule.Formula && c.Severity == Severity.Info && c.Message.Contains("lost in reading")));
        // The same table typed (not scanned) is the document's own error on both rows.
        Assert.Equal(2, ReportChecker.CreateDefault().Check(Record(tables: [t])).Count(c => c.Rule == CheckRule.Formula && c.Severity == Severity.Error));
    }
}
