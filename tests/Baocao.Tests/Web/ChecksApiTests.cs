using System.Net;
using System.Text.Json;
using Baocao.Tests.Checks;
using Baocao.Tests.Index;
using Baocao.Web;

namespace Baocao.Tests.Web;

/// <summary>Two checked reports (one with a reading doubt, one with a printed error) served on a free loopback port.</summary>
public sealed class ChecksSite : IDisposable
{
    public TempIndex Index { get; } = new();
    public RunningServer Server { get; }
    public HttpClient Http { get; }

    public ChecksSite()
    {
        using (var w = Index.Write()) w.StoreAll([FindingFilterTests.Doubtful, FindingFilterTests.Wrong]);
        Server = WebServer.Start(new ServeOptions(Index.Path, Port: 0));
        Http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl) };
    }

    public void Dispose()
    {
        Http.Dispose();
        Server.Dispose();
        Index.Dispose();
    }
}

/// <summary>The findings through the API and the checks page: filters as <c>check --all</c>, exports, the review queue.</summary>
public class ChecksApiTests(ChecksSite site) : IClassFixture<ChecksSite>
{
    private async Task<(HttpStatusCode status, string body, string? type)> Get(string url)
    {
        using var r = await site.Http.GetAsync(url);
        return (r.StatusCode, await r.Content.ReadAsStringAsync(), r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_lists_findings_numbered_from_1_with_cause_and_likely_reading_and_filters_them()
    {
        var (status, body, type) = await Get("/api/checks");
        Assert.Equal((HttpStatusCode.OK, "application/json"), (status, type));
        using var all = JsonDocument.Parse(body);
        var findings = all.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, findings.Count), findings.Select(f => f.GetProperty("number").GetInt32()));
        Assert.Equal(1, all.RootElement.GetProperty("reportErrors").GetInt32());
        var doubt = findings.First(f => f.GetProperty("check").GetProperty("cause").GetString() == "reading" && f.GetProperty("check").GetProperty("rule").GetString() == "table.formula");
        Assert.Equal("có lẽ đọc đúng là 105", doubt.GetProperty("likelyReading").GetString());
        // The finding in words, Vietnamese unless lang=en.
        Assert.Contains("nghi vấn do đọc", doubt.GetProperty("check").GetProperty("text").GetString());
        Assert.StartsWith("trang ", doubt.GetProperty("check").GetProperty("where").GetString());
        using (var en = JsonDocument.Parse((await Get("/api/checks?lang=en&cause=reading")).body))
            Assert.All(en.RootElement.GetProperty("findings").EnumerateArray(), f =>
                Assert.Equal(f.GetProperty("check").GetProperty("message").GetString(), f.GetProperty("check").GetProperty("text").GetString()));
        Assert.Equal(1, doubt.GetProperty("tableNumber").GetInt32());
        Assert.True(doubt.GetProperty("documentId").GetInt64() > 0);

        using var reading = JsonDocument.Parse((await Get("/api/checks?cause=reading")).body);
        Assert.All(reading.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("reading", f.GetProperty("check").GetProperty("cause").GetString()));
        Assert.Equal(0, reading.RootElement.GetProperty("reportErrors").GetInt32());
        using var noiVu = JsonDocument.Parse((await Get("/api/checks?agency=noi+vu&period=2022&severity=error")).body);
        var only = Assert.Single(noiVu.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("lỗi trong báo cáo", only.GetProperty("causeLabel").GetString());

        var (bad, message, _) = await Get("/api/checks?cause=printer");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("report, reading", message);
    }

    [Fact]
    public async Task The_api_exports_csv_and_the_page_shows_the_findings_filters_and_review_queue()
    {
        var (status, csv, type) = await Get("/api/checks?format=csv&severity=error");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, type));
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("stt,tệp,cơ quan", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",lỗi,lỗi trong báo cáo,", lines[1]);

        var (ps, page, _) = await Get("/checks?cause=reading");
        Assert.Equal(HttpStatusCode.OK, ps);
        Assert.Contains("id=\"findings\"", page);
        Assert.Contains("<td class=\"num proposed\">105</td>", page);
        Assert.DoesNotContain("data-cause=\"report\"", page);
        Assert.Contains("/api/checks?format=xlsx&amp;cause=reading", page);
        Assert.Contains("id=\"review-queue\"", page);
        Assert.Contains("nghi vấn do đọc trong kiểm tra số liệu", page);
        var (_, empty, _) = await Get("/checks?period=2019");
        Assert.Contains("id=\"no-findings\"", empty);

        using var review = JsonDocument.Parse((await Get("/api/review")).body);
        var item = Assert.Single(review.RootElement.GetProperty("queue").EnumerateArray());
        Assert.True(item.GetProperty("readingDoubts").GetInt32() > 0);
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("nghi vấn do đọc", StringComparison.Ordinal));
    }
}

/// <summary>The findings are kept between requests while the index is unchanged, and computed again once it is written.</summary>
public class ChecksCacheTests
{
    [Fact]
    public async Task A_report_stored_while_the_server_runs_shows_in_the_next_answer()
    {
        using var index = new TempIndex();
        using (var w = index.Write()) w.StoreAll([FindingFilterTests.Wrong]);
        using var server = WebServer.Start(new ServeOptions(index.Path, Port: 0));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        async Task<int> Reading()
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/checks?cause=reading"));
            return doc.RootElement.GetProperty("count").GetInt32();
        }

        async Task<int> Queue()
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/review"));
            return doc.RootElement.GetProperty("queue").EnumerateArray().Count(e => e.GetProperty("readingDoubts").GetInt32() > 0);
        }

        Assert.Equal(0, await Reading());
        Assert.Equal(0, await Queue()); // the same findings, kept
        using (var w = index.Write()) w.StoreAll([FindingFilterTests.Doubtful]);
        Assert.True(await Reading() > 0, "the doubtful report stored after the first answers is listed");
        Assert.Equal(1, await Queue());
    }

    [Fact]
    public async Task The_review_queue_page_is_kept_until_the_index_changes_or_a_decision_is_taken()
    {
        using var index = new TempIndex();
        using (var w = index.Write()) w.StoreAll([FindingFilterTests.Wrong]);
        using var server = WebServer.Start(new ServeOptions(index.Path, Port: 0, Token: "secret"));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        async Task<string> Summary() =>
            System.Text.RegularExpressions.Regex.Match(await http.GetStringAsync("/review"), "id=\"review-summary\">([^<.]*)").Groups[1].Value;

        Assert.StartsWith("0 báo cáo cần duyệt, 0 hiệu đính", await Summary());
        Assert.StartsWith("0 báo cáo cần duyệt, 0 hiệu đính", await Summary()); // the kept answer, the same
        using (var w = index.Write()) w.StoreAll([FindingFilterTests.Doubtful]);
        Assert.StartsWith("1 báo cáo cần duyệt, 0 hiệu đính", await Summary()); // the index changed: read again
        // A decision through this server shows at once (it drops the kept queue; its write also changes the file).
        long id;
        using (var r = index.Read()) id = r.IdOf(FindingFilterTests.Doubtful.Source.Path)!.Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/review/{id}")
        {
            Content = new StringContent("{\"action\": \"confirm\", \"table\": 1, \"row\": \"1\", \"column\": \"received.online\", \"reviewer\": \"Lan\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Baocao-Token", "secret");
        using var answer = await http.SendAsync(post);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(", 1 hiệu đính", await Summary());
    }
}
