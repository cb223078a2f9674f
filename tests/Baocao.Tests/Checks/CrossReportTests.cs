using System.Globalization;
using Baocao.Checks;
using Baocao.Reports;
using static Baocao.Tests.Checks.TestRecords;

namespace Baocao.Tests.Checks;

public class CrossReportTests
{
    /// <summary>A report whose totals row states received new (online + direct), carried over, resolved and pending.</summary>
    private static ReportRecord Report(string path, Period period, int online, int direct, int carried, int early, int late, int pendingOnTime, string format = "pdf", string? number = null)
    {
        var received = online + direct + carried;
        var resolved = early + late;
        var pending = received - resolved;
        string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        var t = Table(0, Form06a(), R06("", "TỔNG CỘNG", S(received), S(online), S(direct), S(carried), S(resolved), S(early), "0", S(late), S(pending), S(pendingOnTime), S(pending - pendingOnTime)));
        return Record(path, period, tables: [t], format: format, number: number ?? path);
    }

    private static IReadOnlyList<Check> Run(params ReportRecord[] records) => CrossReportChecker.CreateDefault().Check(new InMemoryReportSource(records));

    [Fact]
    public void Carried_over_must_equal_pending_at_the_end_of_the_previous_period()
    {
        var q1 = Report("q1.pdf", Quarter(2022, 1), 50, 40, 10, 80, 5, 15);   // pending 15
        var q2 = Report("q2.pdf", Quarter(2022, 2), 60, 30, 15, 90, 0, 15);   // carried 15
        Assert.Empty(Run(q1, q2));
        var bad = Report("q2.pdf", Quarter(2022, 2), 60, 30, 13, 88, 0, 15);  // carried 13
        var c = Assert.Single(Run(q1, bad));
        Assert.Equal((CheckRule.CarriedOver, Severity.Warning, "q2.pdf", "received.carried_over", 13m, 15m), (c.Rule, c.Severity, c.File, c.Column, c.Printed!.Value, c.Expected!.Value));
        Assert.StartsWith("q1.pdf (2021-12-15 to 2022-03-14)", c.Related);
    }

    [Fact]
    public void Reports_of_other_agencies_or_not_adjacent_periods_are_not_compared()
    {
        var q1 = Report("q1.pdf", Quarter(2022, 1), 50, 40, 10, 80, 5, 15);
        var q3 = Report("q3.pdf", Quarter(2022, 3), 60, 30, 13, 88, 0, 15);
        Assert.Empty(Run(q1, q3));
        var other = Report("q2.pdf", Quarter(2022, 2), 60, 30, 13, 88, 0, 15) is var r ? r with { Header = r.Header with { Agency = "SỞ Y TẾ" } } : null;
        Assert.Empty(Run(q1, other!));
    }

    private static ReportRecord[] Year2022(int annualLate = 8)
    {
        // Quarters chained: each carries over the previous one's pending.
        var q1 = Report("q1.pdf", Quarter(2022, 1), 50, 40, 10, 80, 5, 15);  // pending 15
        var q2 = Report("q2.pdf", Quarter(2022, 2), 60, 30, 15, 90, 0, 15);  // pending 15
        var q3 = Report("q3.pdf", Quarter(2022, 3), 70, 20, 15, 95, 2, 8);   // pending 8
        var q4 = Report("q4.pdf", Quarter(2022, 4), 10, 10, 8, 20, 1, 7);    // pending 7
        // The year: new 290 (online 190, direct 100), carried over 10, resolved 285 + late 8, pending 7.
        var year = Report("y.pdf", Year(2022), 190, 100, 10, 293 - annualLate, annualLate, 7);
        return [q1, q2, q3, q4, year];
    }

    [Fact]
    public void Four_quarters_add_up_to_the_annual_report()
    {
        Assert.Empty(Run(Year2022()));
        var checks = Run(Year2022(annualLate: 9));
        // Late 9 (quarters: 8), early 284 (quarters: 285): two flows differ; the year's totals still add up.
        Assert.Equal(["resolved.early", "resolved.late"], checks.Select(c => c.Column!).Order());
        Assert.All(checks, c => Assert.Equal((CheckRule.PeriodSum, "y.pdf"), (c.Rule, c.File)));
        Assert.Equal(9m - 8m, checks.Single(c => c.Column == "resolved.late").Difference);
    }

    [Fact]
    public void The_reports_a_finding_compared_are_read_back_from_it()
    {
        // The year against its four quarters: the finding names each of them (the web's checks page links to them).
        var sum = Run(Year2022(annualLate: 9)).First(c => c.Rule == CheckRule.PeriodSum);
        var related = CrossReportChecker.RelatedReports(sum.Related);
        Assert.Equal(["q1.pdf", "q2.pdf", "q3.pdf", "q4.pdf"], related.Select(r => r.Path));
        Assert.Equal(("2021-12-15", "2022-03-14"), (related[0].From, related[0].To));
        // A path with spaces, brackets and its own "to" is still whole; text in another shape names nothing.
        Assert.Equal([("/lưu trữ/báo cáo (to) 1.pdf", "2022-01-01", "2022-03-31")],
            CrossReportChecker.RelatedReports("/lưu trữ/báo cáo (to) 1.pdf (2022-01-01 to 2022-03-31)"));
        Assert.Empty(CrossReportChecker.RelatedReports("q1.pdf"));
        Assert.Empty(CrossReportChecker.RelatedReports(null));
    }

    [Fact]
    public void Without_every_quarter_only_the_shared_dates_are_compared()
    {
        var all = Year2022(annualLate: 9);
        var some = new[] { all[0], all[3], all[4] }; // Q1, Q4 and the year: no sum; the start and end stocks match.
        Assert.Empty(Run(some));
        var q4 = Report("q4.pdf", Quarter(2022, 4), 10, 10, 8, 20, 2, 6);   // pending 6 (all on time), while the year says 7
        var checks = Run(all[0], q4, all[4]);
        Assert.Equal(["pending.on_time", "pending.total"], checks.Select(c => c.Column!).Order());
        var c = checks.Single(c => c.Column == "pending.total");
        Assert.Equal((CheckRule.Stock, "y.pdf", 7m, 6m), (c.Rule, c.File, c.Printed!.Value, c.Expected!.Value));
    }

    [Fact]
    public void The_docx_and_pdf_of_one_report_are_not_compared_and_pair_with_their_own_format()
    {
        var q1 = Report("q1.pdf", Quarter(2022, 1), 50, 40, 10, 80, 5, 15, number: "1/BC");
        var q1docx = Report("q1.docx", Quarter(2022, 1), 50, 40, 10, 80, 5, 15, format: "docx", number: "1/BC");
        var q2 = Report("q2.pdf", Quarter(2022, 2), 60, 30, 13, 88, 0, 15, number: "2/BC");
        var q2docx = Report("q2.docx", Quarter(2022, 2), 60, 30, 13, 88, 0, 15, format: "docx", number: "2/BC");
        var checks = Run(q1, q1docx, q2, q2docx);
        Assert.Equal(["q2.docx", "q2.pdf"], checks.Select(c => c.File!).Order());
        Assert.StartsWith("q1.docx", checks.Single(c => c.File == "q2.docx").Related);
    }

    [Fact]
    public void Agencies_are_matched_whatever_the_abbreviation()
    {
        var a = Record("a.pdf", Quarter(2022, 1), agency: "ỦY BAN NHÂN DÂN HUYỆN PHÙ CÁT");
        var b = Record("b.pdf", Quarter(2022, 2), agency: "UBND HUYỆN PHÙ CÁT");
        Assert.Equal(AgencyKey.Of(a), AgencyKey.Of(b));
        Assert.NotEqual(AgencyKey.Of(a), AgencyKey.Of(b with { Header = b.Header with { Province = "Bình Định" } }));
    }

    [Fact]
    public void Apply_attaches_each_finding_to_its_report()
    {
        var q1 = Report("q1.pdf", Quarter(2022, 1), 50, 40, 10, 80, 5, 15);
        var q2 = Report("q2.pdf", Quarter(2022, 2), 60, 30, 13, 88, 0, 15);
        var applied = CrossReportChecker.CreateDefault().Apply([q1, q2]);
        Assert.Empty(applied[0].Checks);
        Assert.Equal(CheckRule.CarriedOver, Assert.Single(applied[1].Checks).Rule);
    }
}
