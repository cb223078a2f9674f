using Baocao.Index;
using Baocao.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Baocao.Tests.Web;

/// <summary>Issue 17 on the search page: the period facet drills down, pages go through every result, and the API's parameters read.</summary>
public class SearchPagingTests
{
    private static QueryCollection Query(params (string k, string v)[] kv) => new(kv.ToDictionary(x => x.k, x => new StringValues(x.v)));

    private static DocumentHit Doc(int id) => new(id, $"/a/{id}.docx", $"{id}.docx", new string('a', 64), null, "SỞ TƯ PHÁP", "Trà Vinh", "2022-05-14", 2022, "2022-05",
        "Báo cáo", [], [], [], [], 0);

    private static readonly Facets Facets = new([], [], [new("2022", 9), new("2021", 2)], [],
        [new("2022-Q2", 3), new("2022-05", 2), new("2022-H1", 1), new("2022-Q3", 3), new("2021-Q2", 2)]);

    [Fact]
    public void The_period_facet_drills_down_year_half_quarter_month_with_counts_that_nest()
    {
        var top = Query(("q", "hộ tịch"));
        var html = SearchPage.Render(top, WebQuery.Parse(top, [], true), new SearchResult(11, 0, [Doc(1)], Facets));
        Assert.Contains("period=2022\"", html);
        Assert.Contains("period=2021\"", html);

        var year = Query(("q", "hộ tịch"), ("period", "2022"));
        html = SearchPage.Render(year, WebQuery.Parse(year, [], true), new SearchResult(9, 0, [Doc(1)], Facets));
        Assert.Contains("6 tháng đầu năm 2022</a> <span class=\"count\">6</span>", html);
        Assert.Contains("6 tháng cuối năm 2022</a> <span class=\"count\">3</span>", html);

        var half = Query(("q", "hộ tịch"), ("period", "2022-H1"));
        html = SearchPage.Render(half, WebQuery.Parse(half, [], true), new SearchResult(6, 0, [Doc(1)], Facets));
        Assert.Contains("Quý II/2022</a> <span class=\"count\">5</span>", html);
        Assert.DoesNotContain("Quý I/2022", html);
        Assert.Contains("period=2022\"", html); // up

        var quarter = Query(("period", "2022-Q2"));
        html = SearchPage.Render(quarter, WebQuery.Parse(quarter, [], true), new SearchResult(5, 0, [Doc(1)], Facets));
        Assert.Contains("Tháng 5/2022</a> <span class=\"count\">2</span>", html);
        Assert.Contains("period=2022-H1\"", html);
    }

    [Fact]
    public void Pages_link_to_the_previous_and_next_offsets_keeping_the_query()
    {
        var p = Query(("q", "đất đai"), ("sort", "resolved.late:desc"), ("limit", "20"), ("offset", "20"));
        var q = WebQuery.Parse(p, [], true);
        Assert.Equal(20, q.Offset);
        Assert.Equal(new SearchSort("resolved.late", true), q.Sort);
        var html = SearchPage.Render(p, q, new SearchResult(75, 0, [Doc(1)], Facets) { Offset = 20, NextOffset = 40 });
        Assert.Contains("id=\"more\" href=\"/?q=%C4%91%E1%BA%A5t%20%C4%91ai&amp;sort=resolved.late%3Adesc&amp;limit=20&amp;offset=40\"", html);
        Assert.Contains("id=\"prev\" href=\"/?q=%C4%91%E1%BA%A5t%20%C4%91ai&amp;sort=resolved.late%3Adesc&amp;limit=20\"", html);
        // A facet link starts again at the first page.
        Assert.DoesNotContain("period=2022&amp;offset", html);
        var last = SearchPage.Render(p, q, new SearchResult(21, 0, [Doc(1)], Facets) { Offset = 20, NextOffset = null });
        Assert.DoesNotContain("id=\"more\"", last);
    }

    [Theory]
    [InlineData("from", "2022-13-01", "không phải một ngày")]
    [InlineData("sort", "resolved.lat", "không hợp lệ")]
    [InlineData("offset", "-1", "offset")]
    public void Bad_paging_and_range_parameters_are_a_400_with_the_reason(string name, string value, string reason)
    {
        var e = Assert.ThrowsAny<Exception>(() => WebQuery.Parse(Query((name, value)), [], false));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void A_range_reads_from_the_query_string()
    {
        var q = WebQuery.Parse(Query(("from", "2021-07-01"), ("to", "30/06/2022")), [], false);
        Assert.Equal(new DateOnly(2021, 7, 1), q.From);
        Assert.Equal(new DateOnly(2022, 6, 30), q.To);
    }
}

/// <summary>Issue 18 item 5: a facet's overflow opens in place.</summary>
public class FacetOverflowTests
{
    [Fact]
    public void Values_past_the_first_twelve_are_in_a_fold_that_opens_in_place()
    {
        var agencies = Enumerable.Range(1, 20).Select(i => new FacetCount($"SỞ SỐ {i:00}", 21 - i)).ToList();
        var facets = new Facets([], agencies, [], [], []);
        var p = new QueryCollection(new Dictionary<string, StringValues> { ["q"] = "hộ tịch" });
        var html = SearchPage.Render(p, WebQuery.Parse(p, [], true), new SearchResult(20, 0, [], facets));
        var facet = html[html.IndexOf("data-facet=\"agency\"", StringComparison.Ordinal)..];
        facet = facet[..facet.IndexOf("</div>", StringComparison.Ordinal)];
        var fold = facet.IndexOf("<details class=\"more-values\">", StringComparison.Ordinal);
        Assert.True(fold > 0, "the overflow is a fold");
        Assert.Equal(SearchPage.FacetsShown, System.Text.RegularExpressions.Regex.Matches(facet[..fold], "<li>").Count);
        Assert.Contains("<summary>… 8 nữa</summary>", facet);
        // Every value is in the page (no reload to see them), each still a filter link.
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(facet[fold..], "<li><a href=\"/\\?q=").Count);
        Assert.Contains("SỞ SỐ 20", facet[fold..]);
        // An address asking for all of a facet (more=agency, the earlier links) opens its fold.
        var more = new QueryCollection(new Dictionary<string, StringValues> { ["q"] = "hộ tịch", ["more"] = "agency" });
        Assert.Contains("<details class=\"more-values\" open>", SearchPage.Render(more, WebQuery.Parse(more, [], true), new SearchResult(20, 0, [], facets)));
    }

    [Fact]
    public void Field_errors_and_review_facet_values_are_filters_and_read_back()
    {
        var facets = new Facets([], [], [], [], []) { Field = [new("Hộ tịch", 3)], Errors = [new("yes", 1), new("no", 2)], Review = [new("yes", 2)] };
        var p = new QueryCollection(new Dictionary<string, StringValues> { ["q"] = "ho so" });
        var html = SearchPage.Render(p, WebQuery.Parse(p, [], true), new SearchResult(3, 0, [], facets));
        Assert.Contains("href=\"/?q=ho%20so&amp;field=H%E1%BB%99%20t%E1%BB%8Bch\">Hộ tịch</a>", html);
        Assert.Contains("href=\"/?q=ho%20so&amp;errors=yes\">Có</a>", html);
        Assert.Contains("href=\"/?q=ho%20so&amp;review=yes\">Có</a>", html);
        var chosen = new QueryCollection(new Dictionary<string, StringValues> { ["field"] = "Hộ tịch", ["errors"] = "yes", ["review"] = "no" });
        var q = WebQuery.Parse(chosen, [], true);
        Assert.Equal(("Hộ tịch", true, false), (q.Field, q.Errors, q.Review));
        Assert.Throws<HttpError>(() => WebQuery.Parse(new QueryCollection(new Dictionary<string, StringValues> { ["errors"] = "perhaps" }), [], true));
    }
}
