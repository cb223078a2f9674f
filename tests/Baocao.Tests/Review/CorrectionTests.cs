using Baocao.Checks;
using Baocao.Index;
using Baocao.Output;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Review;

/// <summary>
/// Issue 18 item 2, the pure part: a reviewer's decision is applied beside the reading (the text as read kept), the
/// report's checks run again on it, and each finding resting on it says so.
/// </summary>
public class CorrectionTests
{
    // (3)=(4)+(5)+(6) with (4) read "95" at confidence 0.55 where 105 is printed: a reading doubt proposing 105.
    private static ReportRecord Doubtful() => Record(tables: [Table(0, Form06a(),
        R06("1", "Hộ tịch", "120", "95@0.55", "15", "0", "100", "90", "10", "0", "20", "20", "0"))]);

    private static Correction On(ReportRecord r, string column, decimal? value, string read = "95") =>
        new(r.Source.Sha256, 0, 0, column, "received.online", "Hộ tịch", read, 95m, value, "Lan", "2026-12-03T20:00:00Z");

    [Fact]
    public void A_correction_keeps_the_text_as_read_and_drops_the_doubt()
    {
        var r = Doubtful();
        var (applied, stale) = Baocao.Reports.Review.Apply(r, [On(r, "c4", 105m)]);
        Assert.Empty(stale);
        var cell = applied.Tables[0].Rows[0].Cells.Single(c => c.Column == "c4");
        Assert.Equal(("95", 105m, 1.0), (cell.Raw, cell.Value!.Value, cell.Confidence));
        Assert.Equal(["corrected"], cell.Flags);
        Assert.Equal(105m, applied.Tables[0].Rows[0].Values["received.online"]);
        // the stored record is untouched
        Assert.Equal(95m, r.Tables[0].Rows[0].Values["received.online"]);
        Assert.Contains("low-confidence", r.Tables[0].Rows[0].Cells.Single(c => c.Column == "c4").Flags);
    }

    [Fact]
    public void A_correction_of_another_file_or_of_a_cell_that_reads_otherwise_is_not_applied()
    {
        var r = Doubtful();
        var other = On(r, "c4", 105m) with { Sha256 = new string('0', 64) };
        var (same, none) = Baocao.Reports.Review.Apply(r, [other]);
        Assert.Same(r, same);
        Assert.Empty(none);
        var (kept, stale) = Baocao.Reports.Review.Apply(r, [On(r, "c4", 105m, read: "96"), On(r, "c99", 1m)]);
        Assert.Same(r, kept);
        Assert.Equal(2, stale.Count);
        Assert.Contains("«95»", stale[0].Reason);
        Assert.Contains("c99", stale[1].Reason);
    }

    [Fact]
    public void The_checks_run_again_a_correction_resolves_the_doubt_a_confirmation_makes_it_an_error_of_the_report()
    {
        var r = Doubtful() is var d ? d with { Checks = ReportChecker.CreateDefault().Check(d) } : null!;
        Assert.Equal(Severity.Doubt, Assert.Single(r.Checks, c => c.Rule == CheckRule.Formula).Severity);

        var (corrected, _) = ReviewedRecord.Of(r, [On(r, "c4", 105m)]);
        Assert.DoesNotContain(corrected.Checks, c => c.Rule == CheckRule.Formula);

        var (confirmed, _) = ReviewedRecord.Of(r, [On(r, "c4", null)]);
        var f = Assert.Single(confirmed.Checks, c => c.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Error, Cause.Report), (f.Severity, f.Cause));
        Assert.Equal("(4) «95» ✓", f.Reviewed);
        Assert.Contains("dựa trên hiệu đính của người duyệt: (4) «95» ✓", CheckText.Message(f));
        Assert.Contains("rests on a reviewer's decision", CheckText.Message(f, english: true));

        // a wrong correction (110) still fails, now as the report's error resting on the correction
        var (wrong, _) = ReviewedRecord.Of(r, [On(r, "c4", 110m)]);
        var w = Assert.Single(wrong.Checks, c => c.Rule == CheckRule.Formula);
        Assert.Equal((Severity.Error, "(4) «95» → 110", 125m), (w.Severity, w.Reviewed, w.Expected!.Value));

        // the field survives the record JSON
        var back = RecordJsonReader.Parse(RecordJson.Serialize(wrong));
        Assert.Equal("(4) «95» → 110", Assert.Single(back.Checks, c => c.Rule == CheckRule.Formula).Reviewed);
    }

    [Fact]
    public void A_person_names_a_cell_by_table_from_1_row_number_or_label_and_key_number_or_id()
    {
        var r = Doubtful();
        Assert.Equal("c4", Baocao.Reports.Review.Locate(r, 1, "1", "received.online").Cell.Column);
        Assert.Equal("c4", Baocao.Reports.Review.Locate(r, 1, "ho tich", "(4)").Cell.Column);
        Assert.Equal("c4", Baocao.Reports.Review.Locate(r, 1, "Hộ tịch", "c4").Key is "received.online" ? "c4" : "?");
        Assert.StartsWith("bảng 2 không có", Assert.Throws<ArgumentException>(() => Baocao.Reports.Review.Locate(r, 2, "1", "(4)")).Message);
        Assert.StartsWith("row '7' is not in table 1", Assert.Throws<ArgumentException>(() => Baocao.Reports.Review.Locate(r, 1, "7", "(4)", english: true)).Message);
        Assert.StartsWith("cột 'resolved.lat' không có", Assert.Throws<ArgumentException>(() => Baocao.Reports.Review.Locate(r, 1, "1", "resolved.lat")).Message);
    }

    [Theory]
    [InlineData("181.220", "181220")]
    [InlineData("181220", "181220")]
    [InlineData("2,02", "2.02")]
    [InlineData(" 12.5 ", "12.5")]
    public void A_typed_value_is_read_as_documents_print_numbers(string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Baocao.Reports.Review.ParseValue(typed).Value);

    [Theory]
    [InlineData("181,220", "thousands")]
    [InlineData("abc", "not a number")]
    [InlineData("", "not a number")]
    public void A_value_that_is_no_number_or_could_be_two_is_refused(string typed, string reason)
    {
        var (value, error) = Baocao.Reports.Review.ParseValue(typed, english: true);
        Assert.Null(value);
        Assert.Contains(reason, error);
    }
}
