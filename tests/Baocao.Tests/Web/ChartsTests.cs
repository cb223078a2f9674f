using System.Globalization;
using System.Text.RegularExpressions;
using Baocao.Index;
using Baocao.Reports;
using Baocao.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Baocao.Tests.Web;

/// <summary>Charts people would read (issue 18 item 6): one period kind per chart, round axes, small bars visible, a late-rate line, every agency reachable.</summary>
public class ChartsTests
{
    private static ExportRow Total(string path, string agency, string period, decimal received, decimal resolved, decimal late) =>
        new(path, Path.GetFileName(path), "h", "1/BC", agency, null, "Vĩnh Long", null, 2022, period, "t", 0, "II.06a", null, 0, null, "Tổng cộng", "total", 2,
            new Dictionary<string, decimal?> { ["received.total"] = received, ["resolved.total"] = resolved, ["resolved.late"] = late });

    private static QueryCollection Query(params (string k, string v)[] kv) => new(kv.ToDictionary(x => x.k, x => new StringValues(x.v)));

    [Theory]
    [InlineData("2022-Q3", "quarter")]
    [InlineData("2021-H1", "half")]
    [InlineData("2020-05", "month")]
    [InlineData("2021", "year")]
    [InlineData("2023-01-01..2023-11-20", "custom")]
    [InlineData("2022-Q5", null)]
    [InlineData("2020-13", null)]
    [InlineData("ky", null)]
    public void A_period_labels_kind_is_read_from_the_label(string label, string? kind) => Assert.Equal(kind, PeriodText.KindOfLabel(label));

    [Fact]
    public void A_years_total_gets_its_own_chart_apart_from_its_quarters()
    {
        var rows = new[]
        {
            Total("/a/2022.pdf", "SỞ A", "2022", 2200, 2100, 40),
            Total("/a/q1.pdf", "SỞ A", "2022-Q1", 540, 485, 5),
            Total("/a/q2.pdf", "SỞ A", "2022-Q2", 585, 523, 8),
        };
        var data = ChartFigures.From(rows, maxReports: 100);
        Assert.Equal(2, data.Agencies.Count);
        var quarters = data.Agencies.Single(s => s.Kind == "quarter");
        Assert.Equal(["2022-Q1", "2022-Q2"], quarters.Periods.Select(p => p.Period));
        Assert.Equal(["2022"], data.Agencies.Single(s => s.Kind == "year").Periods.Select(p => p.Period));
        // The quarters' axis is scaled to the quarters (600), not to the year (2,200).
        var svg = SvgCharts.AgencyPeriods(quarters);
        Assert.Contains(">600</text>", svg);
        Assert.DoesNotContain(">2.200</text>", svg);
        Assert.Contains("theo quý", svg);
        Assert.Contains("data-kind=\"quarter\"", svg);
    }

    [Theory]
    [InlineData(2, 2, 1)]
    [InlineData(585, 600, 200)]
    [InlineData(0, 1, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(1, 1, 1)]
    [InlineData(12345, 15000, 5000)]
    public void An_axis_has_a_round_top_and_whole_steps(int max, int top, int step) =>
        Assert.Equal(((decimal)top, (decimal)step), SvgCharts.NiceScale(max));

    [Fact]
    public void A_rate_axis_may_step_in_fractions()
    {
        var (top, step) = SvgCharts.NiceScale(1.5m, whole: false);
        Assert.Equal((1.5m, 0.5m), (top, step));
    }

    [Fact]
    public void Small_counts_give_distinct_ticks_and_visible_bars_and_the_late_rate_is_drawn()
    {
        // An axis of at most 2 dossiers reads 0, 1, 2 (never "2, 2, 1, 0, 0").
        var small = SvgCharts.AgencyPeriods(new AgencySeries("SỞ B", null, [new("2022-Q1", 2, 1, 0), new("2022-Q2", 1, 1, 1)], "quarter"));
        var ticks = Regex.Matches(small, "class=\"tick\" text-anchor=\"end\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0", "1", "2"], ticks);

        // 3 late dossiers beside 5,000 received: the late bar is still drawn, and its title holds the exact value.
        var big = SvgCharts.AgencyPeriods(new AgencySeries("SỞ C", null, [new("2022-Q1", 5000, 4000, 3), new("2022-Q2", 5200, 4100, 41)], "quarter"));
        var late = Regex.Match(big, "<rect class=\"bar late\"[^>]* height=\"([\\d.]+)\"[^>]*><title>Quý I/2022: quá hạn 3</title>");
        Assert.True(late.Success);
        Assert.True(double.Parse(late.Groups[1].Value, CultureInfo.InvariantCulture) >= SvgCharts.MinBarHeight);
        // The late rate on its own axis: 3 / 4,000 = 0,1 % and 41 / 4,100 = 1 %, one point each, joined by a line.
        Assert.Equal(2, Regex.Matches(big, "<circle class=\"rate\"").Count);
        Assert.Contains("Quý I/2022: tỷ lệ quá hạn 0,1% (3 / 4.000)", big);
        Assert.Contains("Quý II/2022: tỷ lệ quá hạn 1% (41 / 4.100)", big);
        Assert.Contains("<polyline class=\"rate-line\"", big);
        Assert.Contains("class=\"tick rate-tick\"", big);
        // Colours are attributes, so the chart saved alone looks as it does on the page.
        Assert.Contains($"fill=\"{SvgCharts.LateColor}\"", big);
    }

    [Fact]
    public void Every_agency_is_reachable_through_pages_and_the_list()
    {
        var rows = Enumerable.Range(1, 10).SelectMany(i => new[]
        {
            Total($"/a/{i}-q1.pdf", $"SỞ SỐ {i:00}", "2022-Q1", 100 + i, 90, 1),
        }).ToArray();
        var data = ChartFigures.From(rows, maxReports: 100);
        var first = ChartsPage.Render(Query(("province", "Vĩnh Long")), data);
        Assert.Equal(ChartsPage.PerPage, Regex.Matches(first, "<svg class=\"chart agency-chart\"").Count);
        Assert.Contains("href=\"/charts?province=V%C4%A9nh%20Long&amp;page=2\"", first);
        Assert.Contains("Biểu đồ 1–8 trong 10", first);
        var second = ChartsPage.Render(Query(("province", "Vĩnh Long"), ("page", "2")), data);
        Assert.Equal(2, Regex.Matches(second, "<svg class=\"chart agency-chart\"").Count);
        Assert.Contains("SỞ SỐ 10", second);
        Assert.DoesNotContain("aria-label=\"SỞ SỐ 01", second);
        // The list names all ten, each linking to its own charts; the agency field offers them too.
        var list = first[first.IndexOf("id=\"all-agencies\"", StringComparison.Ordinal)..];
        Assert.Equal(10, Regex.Matches(list, "<li><a href=\"/charts\\?agency=").Count);
        Assert.Equal(10, Regex.Matches(first, "<option value=\"SỞ SỐ").Count);
        // Each chart can be saved, under a file name made from its agency.
        Assert.Contains("data-file=\"bieu-do-so-so-01-vinh-long-quarter\"", first);
        Assert.Equal(ChartsPage.PerPage, Regex.Matches(first, "data-save=\"png\"").Count); // no province states online dossiers here: no share chart
    }
}

/// <summary>Issue 18 item 5 on the checks page: a finding opens its document at its cell, a cross-report one links the reports it compared.</summary>
public class ChecksPageLinkTests
{
    [Fact]
    public void A_finding_links_to_its_cell_and_to_the_reports_it_compared()
    {
        var wrong = Baocao.Tests.Checks.FindingFilterTests.Wrong;
        var formula = wrong.Checks.First(c => c.Rule == Baocao.Checks.CheckRule.Formula);
        var across = formula with { Rule = Baocao.Checks.CheckRule.CarriedOver, Related = "/r/q4 (cũ).pdf (2021-09-15 to 2021-12-14); /r/gone.pdf (2021-06-15 to 2021-09-14)" };
        var ids = new Dictionary<string, long> { [wrong.Source.Path] = 7, ["/r/q4 (cũ).pdf"] = 9 };
        var html = ChecksPage.Render(new QueryCollection(), ChecksPage.Filter(new QueryCollection()),
            [new ListedFinding(1, wrong, formula), new ListedFinding(2, wrong, across)], 1, p => ids.TryGetValue(p, out var id) ? id : null, []);
        var anchor = DocumentPage.Place(wrong, formula)!.Anchor;
        Assert.Matches("^t0-r\\d+-", anchor);
        Assert.Contains($"<a class=\"doc-link\" href=\"/documents/7#{anchor}\">", html);
        // The compared reports: the indexed one is a link, one no longer indexed is named; each with its period's days.
        Assert.Contains("so với <a class=\"related\" href=\"/documents/9\">q4 (cũ).pdf</a> (15/09/2021 – 14/12/2021); gone.pdf (15/06/2021 – 14/09/2021)", html);
    }
}
