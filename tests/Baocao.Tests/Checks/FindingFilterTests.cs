using Baocao.Checks;
using Baocao.Index;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

/// <summary>Findings by cause (issue 18, item 1): filters, numbering from 1, causes and likely readings in words, the review queue.</summary>
public class FindingFilterTests
{
    // (3)=(4)+(5)+(6) fails on row 1: with (4) read "95" at confidence 0.55 it is a doubt; with "95" confident an error.
    private static ReportRecord Report(string online, string agency, Period period) => ReportChecker.CreateDefault().Apply(Record(
        path: $"/r/{agency}-{period.Year}.pdf", agency: agency, period: period,
        tables: [Table(0, Form06a(), R06("1", "Hộ tịch", "120", online, "15", "0", "100", "90", "10", "0", "20", "20", "0"))]));

    internal static readonly ReportRecord Doubtful = Report("95@0.55", "SỞ TƯ PHÁP", Quarter(2021, 3));
    internal static readonly ReportRecord Wrong = Report("95", "SỞ NỘI VỤ", Quarter(2022, 1));

    [Fact]
    public void Every_finding_of_a_failing_relation_names_its_cause_and_a_doubt_its_likely_reading()
    {
        var doubt = Assert.Single(Doubtful.Checks, c => c.Rule == CheckRule.Formula);
        Assert.Equal("nghi vấn do đọc (OCR, cách nhóm số)", Findings.CauseLabel(doubt));
        Assert.Equal("có lẽ đọc đúng là 105", Findings.LikelyReading(doubt));
        var error = Assert.Single(Wrong.Checks, c => c.Rule == CheckRule.Formula);
        Assert.Equal("lỗi trong báo cáo", Findings.CauseLabel(error));
        Assert.Null(Findings.LikelyReading(error));
        Assert.True(Findings.IsReportError(error));
        Assert.False(Findings.IsReportError(doubt));
        Assert.Equal("error printed in the report", Findings.CauseLabel(error, english: true));
    }

    [Fact]
    public void Filters_select_by_severity_cause_rule_agency_and_period_and_the_listing_numbers_from_1()
    {
        ReportRecord[] both = [Doubtful, Wrong];
        List<ListedFinding> L(string? severity = null, string? cause = null, string? rule = null, string? agency = null, string? period = null) =>
            Findings.List(both, FindingFilter.Parse(severity, cause, rule, agency, period));

        var all = L();
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(f => f.Number));
        Assert.Equal(1, Findings.TableNumber(all[0].Check));
        // Vietnamese by default (issue 18 item 4), English as before with english: true.
        Assert.Contains("bảng 1", Findings.Where(all[0].Check));
        Assert.Contains("table 1", Findings.Where(all[0].Check, english: true));

        Assert.All(L(cause: "reading"), f => Assert.Same(Doubtful, f.Record));
        Assert.NotEmpty(L(cause: "reading"));
        Assert.All(L(severity: "error"), f => Assert.Equal(Severity.Error, f.Check.Severity));
        Assert.Single(L(severity: "error", rule: "table"));
        Assert.Empty(L(rule: "prose"));
        Assert.All(L(agency: "so noi vu"), f => Assert.Same(Wrong, f.Record));
        Assert.NotEmpty(L(agency: "Sở Nội vụ"));
        // Periods nest: 2021-H2 holds Q3.
        Assert.All(L(period: "2021-H2"), f => Assert.Same(Doubtful, f.Record));
        Assert.NotEmpty(L(period: "2021-H2"));
        Assert.Empty(L(period: "2021-Q1"));
        Assert.Throws<QueryException>(() => FindingFilter.Parse("fatal", null, null, null, null));
        Assert.Throws<QueryException>(() => FindingFilter.Parse(null, "printer", null, null, null));
        Assert.Throws<QueryException>(() => FindingFilter.Parse(null, null, "table.sums", null, null));
        Assert.Throws<QueryException>(() => FindingFilter.Parse(null, null, null, null, "2021-Q7"));
    }

    [Fact]
    public void Info_findings_are_hidden_unless_asked_for()
    {
        var info = new Check(CheckRule.ProseSum, Severity.Info, "holds", 1, null, null, "received.new", 61, 61);
        var r = Wrong with { Checks = [.. Wrong.Checks, info] };
        Assert.DoesNotContain(Findings.List([r], FindingFilter.None), f => f.Check.Severity == Severity.Info);
        Assert.Single(Findings.List([r], FindingFilter.Parse("info", null, null, null, null)));
    }

    [Fact]
    public void A_report_with_reading_doubts_is_in_the_review_queue_with_the_reason_and_the_count_is_stored()
    {
        var doubtful = ReviewNote.Of(Doubtful, Doubtful.Source.Path);
        Assert.True(doubtful.NeedsReview);
        Assert.Contains(doubtful.Reasons(), x => x.EndsWith("nghi vấn do đọc trong kiểm tra số liệu", StringComparison.Ordinal));
        // The confident report's error is the document's: nothing to review about its reading.
        var wrong = ReviewNote.Of(Wrong, Wrong.Source.Path);
        Assert.Equal((0, false), (wrong.Doubts, wrong.NeedsReview));

        using var tmp = new Index.TempIndex();
        using (var w = tmp.Write()) w.StoreAll([Doubtful, Wrong]);
        using var idx = tmp.Read();
        var notes = idx.ReviewNotes().ToDictionary(n => Path.GetFileName(n.Path));
        Assert.Equal(doubtful.Doubts, notes[Path.GetFileName(Doubtful.Source.Path)].Doubts);
        Assert.True(notes[Path.GetFileName(Doubtful.Source.Path)].NeedsReview);
        Assert.False(notes[Path.GetFileName(Wrong.Source.Path)].NeedsReview);
    }
}
