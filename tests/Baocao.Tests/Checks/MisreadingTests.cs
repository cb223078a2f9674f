using Baocao.Checks;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

public class MisreadingTests
{
    private static ReportTable Table(string late, string totalLate = "12") => TestRecords.Table(0, Form06a(),
        R06("1", "Sở Tư pháp", "845", "181", "600", "64", "617", "605", "0", late, "228", "207", "21"),
        R06("2", "Sở Y tế", "285", "163", "100", "22", "171", "171", "0", "0", "114", "114", "0"),
        R06("", "Tổng cộng", "1.130", "344", "700", "86", "788", "776", "0", totalLate, "342", "321", "21"));

    [Fact]
    public void A_low_confidence_value_one_character_from_agreement_is_proposed_never_replaced()
    {
        // OCR read "17" (confidence 0.42) where 12 is printed: the row's (7)=(8)+(9)+(10) and the total of (10) both fail.
        var record = Record(tables: [Table("17@0.42")]);
        var checks = ReportChecker.CreateDefault().Check(record);
        var m = Assert.Single(checks, c => c.Rule == CheckRule.Misreading);
        Assert.Equal((Severity.Doubt, Cause.Reading, "Sở Tư pháp", "resolved.late", 17m, 12m, 12m), (m.Severity, m.Cause, m.Row, m.Column, m.Printed!.Value, m.Proposed!.Value, m.Expected!.Value));
        // The failing checks stay, as reading doubts naming the suspect (never errors); the record's value is untouched.
        var failed = checks.Where(c => c.Rule != CheckRule.Misreading).ToList();
        Assert.Equal([CheckRule.Formula, CheckRule.Total], failed.Select(c => c.Rule).Order());
        Assert.All(failed, c => Assert.Equal((Severity.Doubt, Cause.Reading, 12m), (c.Severity, c.Cause, c.Proposed!.Value)));
        Assert.All(failed, c => Assert.Contains("«17» may be a misreading of «12»", c.Message));
        Assert.Equal(17m, record.Tables[0].Rows[0].Values["resolved.late"]);
    }

    [Fact]
    public void A_confident_value_is_never_proposed()
    {
        var checks = ReportChecker.CreateDefault().Check(Record(tables: [Table("17")]));
        Assert.DoesNotContain(checks, c => c.Rule == CheckRule.Misreading);
        Assert.All(checks, c => Assert.Equal(Severity.Error, c.Severity));
    }

    [Fact]
    public void No_proposal_when_one_character_cannot_satisfy_every_check_of_the_value()
    {
        // 17 read for 12 in the row, and the total also printed 17: the total of (10) holds with 17 (17 + 0), the row
        // formula needs 12; no single value satisfies both, so nothing is proposed.
        var checks = ReportChecker.CreateDefault().Check(Record(tables: [Table("17@0.42", totalLate: "17")]));
        Assert.DoesNotContain(checks, c => c.Rule == CheckRule.Misreading);
        Assert.Contains(checks, c => c.Rule == CheckRule.Formula && c.Severity == Severity.Error);
    }

    [Fact]
    public void Prose_figures_read_with_low_confidence_are_proposed_too()
    {
        var figures = new List<Figure> { Fig("resolved.total", "22.278"), Fig("resolved.early_or_on_time", "21.829"), Fig("resolved.late", "419", confidence: 0.55) };
        var m = ReportChecker.CreateDefault().Check(Record(figures: figures)).Single(c => c.Rule == CheckRule.Misreading);
        Assert.Equal((419m, 449m, "resolved.late"), (m.Printed!.Value, m.Proposed!.Value, m.Column));
    }

    [Fact]
    public void Two_values_that_could_each_explain_the_same_failure_are_not_proposed()
    {
        // A column without a formula: the total 20 against 1 + 1 + 8; either "1" read for "11" would do.
        Col[] cols = [new(null, 1), new(null, 2), new(null, 9, Header: "Tích hợp")];
        var t = TestRecords.Table(0, cols, new Row("1", "Thủ tục A", "1@0.5"), new Row("2", "Thủ tục B", "1@0.5"), new Row("3", "Thủ tục C", "8"), new Row("", "TỔNG CỘNG", "20"));
        var checks = ReportChecker.CreateDefault().Check(Record(tables: [t]));
        Assert.DoesNotContain(checks, c => c.Rule == CheckRule.Misreading);
        Assert.Equal(CheckRule.Total, Assert.Single(checks).Rule);
    }

    [Fact]
    public void A_comma_read_where_a_thousands_group_is_meant_is_proposed_even_at_full_confidence()
    {
        // "7,099" (a decimal 7.099, flagged ambiguous-grouping) where "7.099" adds up.
        var t = TestRecords.Table(0, Form06a(),
            R06("1", "Hộ tịch", "7,099", "2.000", "5.000", "99", "7.099", "7.000", "99", "0", "0", "0", "0"),
            R06("", "Tổng cộng", "7.099", "2.000", "5.000", "99", "7.099", "7.000", "99", "0", "0", "0", "0"));
        var m = ReportChecker.CreateDefault().Check(Record(tables: [t])).Single(c => c.Rule == CheckRule.Misreading);
        Assert.Equal((7.099m, 7099m), (m.Printed!.Value, m.Proposed!.Value));
    }

    [Theory]
    [InlineData("22278", "22.278")]
    [InlineData("1234567", "1.234.567")]
    [InlineData("449", "449")]
    [InlineData("2.02", "2,02")]
    [InlineData("0.7", "0,7")]
    public void A_prose_figure_is_edited_as_documents_print_it(string value, string printed)
    {
        Assert.Equal(printed, RecordView.Printed(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void One_character_edits_replace_drop_and_add_digits_and_swap_the_separators()
    {
        var edits = MisreadingFinder.OneCharacterEdits("1.583").ToHashSet();
        Assert.Contains("1.533", edits);   // replaced
        Assert.Contains("1.58", edits);    // dropped
        Assert.Contains("1.5863", edits);  // added
        Assert.Contains("1,583", edits);   // separator
        Assert.DoesNotContain("1.358", edits); // two characters moved
    }
}
