using System.Text.Json;
using Baocao.Checks;
using Baocao.Tools.Evaluation;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

/// <summary>How <c>eval</c> and the corpus tests score the findings against a truth's <c>checks</c>.</summary>
public class TruthComparisonTests
{
    private static Comparison Compare(ReportRecord record, string checksJson)
    {
        using var truth = JsonDocument.Parse($"{{\"checks\": {checksJson}}}");
        return TruthComparer.Compare("t.pdf", record, truth.RootElement);
    }

    private static ReportRecord WithChecks(params Check[] checks) => Record() with { Checks = checks };

    private static Check Finding(string rule, string severity, int? table, string? row, string? column) =>
        new(rule, severity, "m", 1, table, row, column, 1, 0);

    [Fact]
    public void Expected_findings_are_matched_on_rule_table_row_and_column_with_accents_folded()
    {
        var record = WithChecks(Finding(CheckRule.Total, Severity.Error, 0, "TỐNG CỘNG", "c9"), Finding(CheckRule.ProseSum, Severity.Info, null, null, "received.new"));
        var cmp = Compare(record, """[{"rule": "table.total", "table": 0, "row": "TỔNG CỘNG", "column": "c9", "note": "seed"}]""");
        Assert.Equal((1, 1), cmp.CheckRecall);
        Assert.Equal(0, cmp.FalseAlarms); // the info finding is no alarm
        Assert.False(cmp.Clean);
    }

    [Fact]
    public void A_missing_finding_lowers_recall_and_an_unexpected_warning_is_a_false_alarm()
    {
        var record = WithChecks(Finding(CheckRule.Balance, Severity.Warning, 0, "Hộ tịch", "received.total"));
        var cmp = Compare(record, """[{"rule": "table.formula", "table": 0, "row": "Hộ tịch", "column": "received.total"}]""");
        Assert.Equal((0, 1), cmp.CheckRecall);
        Assert.Equal(1, cmp.FalseAlarms);
        var clean = Compare(record, "[]");
        Assert.True(clean.Clean);
        Assert.Equal(1, clean.FalseAlarms);
        Assert.Single(clean.Mismatches);
    }

    [Fact]
    public void A_doubt_is_neither_a_found_error_nor_a_false_alarm()
    {
        var record = WithChecks(Finding(CheckRule.Formula, Severity.Doubt, 0, "Hộ tịch", "received.total"));
        var cmp = Compare(record, """[{"rule": "table.formula", "table": 0, "row": "Hộ tịch", "column": "received.total"}]""");
        Assert.Equal((0, 1), cmp.CheckRecall);     // a printed error reported only as a reading doubt is not found
        Assert.Equal(0, cmp.FalseAlarms);
        Assert.Equal(1, cmp.Doubts);
    }

    [Fact]
    public void A_warning_that_blames_the_reading_is_a_doubt_not_a_false_alarm()
    {
        var reading = Finding(CheckRule.Balance, Severity.Warning, 0, "Hộ tịch", "received.total") with { Cause = Cause.Reading };
        var report = Finding(CheckRule.Total, Severity.Error, 0, "Tổng cộng", "c9") with { Cause = Cause.Report };
        var cmp = Compare(WithChecks(reading, report), "[]");
        Assert.Equal(1, cmp.FalseAlarms);   // the error blaming the report
        Assert.Equal(1, cmp.Doubts);        // the warning blaming the reading
    }
}
