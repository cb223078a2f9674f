using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baocao.Documents;
using Baocao.Index;
using Baocao.Reports;
using Baocao.Tests.Checks;
using Baocao.Tests.Index;
using Baocao.Web;

namespace Baocao.Tests.Web;

/// <summary>
/// Issue 18 item 2 over HTTP: writing needs the token <c>serve</c> prints (403 without it, always 403 when read-only), and a
/// decision taken through the server shows in the checks, the review page and the export. Each test serves an index of
/// its own (they write).
/// </summary>
public class ReviewWebTests
{
    private sealed class Site : IDisposable
    {
        public TempIndex Index { get; } = new();
        public RunningServer Server { get; }
        public HttpClient Http { get; }
        public long Id { get; }

        public Site(bool readOnly = false)
        {
            using (var w = Index.Write()) w.StoreAll([FindingFilterTests.Doubtful, FindingFilterTests.Wrong]);
            using (var r = Index.Read()) Id = r.IdOf(FindingFilterTests.Doubtful.Source.Path)!.Value;
            Server = WebServer.Start(new ServeOptions(Index.Path, Port: 0, ReadOnly: readOnly));
            Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Server.BaseUrl) };
        }

        public void Dispose()
        {
            Http.Dispose();
            Server.Dispose();
            Index.Dispose();
        }
    }

    private static object Set(string value) => new { action = "set", table = 1, row = "1", column = "received.online", value, reviewer = "Lan", note = "bản giấy ghi 105" };

    private static async Task<HttpResponseMessage> Post(Site s, object body, string? token)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, $"/api/review/{s.Id}") { Content = JsonContent.Create(body) };
        if (token is not null) req.Headers.Add(WriteGuard.Header, token);
        return await s.Http.SendAsync(req);
    }

    private static async Task<List<JsonElement>> Formulas(Site s)
    {
        using var doc = JsonDocument.Parse(await s.Http.GetStringAsync("/api/checks"));
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("documentId").GetInt64() == s.Id && f.GetProperty("check").GetProperty("rule").GetString() == "table.formula")
            .Select(f => f.Clone()).ToList();
    }

    [Fact]
    public async Task A_write_without_the_token_or_with_a_wrong_one_is_refused_with_403_and_changes_nothing()
    {
        using var s = new Site();
        Assert.StartsWith("http://127.0.0.1:", s.Server.BaseUrl);
        Assert.Matches("^[0-9a-f]{32}$", s.Server.Token);
        foreach (var token in new string?[] { null, "", "0123456789abcdef0123456789abcdef" })
        {
            using var r = await Post(s, Set("105"), token);
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            Assert.Contains("token", await r.Content.ReadAsStringAsync());
        }
        // the form of the review page, without its token field filled
        using (var form = await s.Http.PostAsync($"/review/{s.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["action"] = "set", ["table"] = "1", ["row"] = "1", ["column"] = "received.online", ["value"] = "105", ["reviewer"] = "Lan" })))
            Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        using (var r = s.Index.Read()) Assert.Empty(r.Corrections());
        Assert.Single(await Formulas(s));
    }

    [Fact]
    public async Task A_read_only_server_refuses_every_write_and_shows_no_form()
    {
        using var s = new Site(readOnly: true);
        Assert.Null(s.Server.Token);
        using var r = await Post(s, Set("105"), "anything");
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("read-only", await r.Content.ReadAsStringAsync());
        var page = await s.Http.GetStringAsync($"/review/{s.Id}");
        Assert.Contains("chỉ đọc", page);
        Assert.DoesNotContain("<form method=\"post\"", page);
        Assert.Contains("«95»", page);
    }

    [Fact]
    public async Task A_correction_through_the_server_shows_in_the_checks_the_review_page_and_the_export_and_undo_brings_the_reading_back()
    {
        using var s = new Site();
        var before = Assert.Single(await Formulas(s));
        Assert.Equal("reading", before.GetProperty("check").GetProperty("cause").GetString());
        // the queue lists the cell with its likely reading
        using (var q = JsonDocument.Parse(await s.Http.GetStringAsync($"/api/review/{s.Id}")))
        {
            var item = Assert.Single(q.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(("received.online", "95", 105m), (item.GetProperty("column").GetString(), item.GetProperty("read").GetString(), item.GetProperty("likely").GetDecimal()));
        }
        Assert.Contains($"href=\"/review/{s.Id}\"", await s.Http.GetStringAsync("/review"));

        // a bad value is a 400 naming it, and stores nothing
        using (var bad = await Post(s, Set("181,220"), s.Server.Token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("181,220", await bad.Content.ReadAsStringAsync());
        }
        using (var ok = await Post(s, Set("105"), s.Server.Token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var d = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
            Assert.Equal((105m, "95", "Lan"), (d.RootElement.GetProperty("value").GetDecimal(), d.RootElement.GetProperty("read").GetString(), d.RootElement.GetProperty("reviewer").GetString()));
        }
        Assert.Empty(await Formulas(s));
        var page = await s.Http.GetStringAsync($"/review/{s.Id}");
        Assert.Contains("Đã sửa", page);
        Assert.Contains("Lan sửa «95» thành 105", page);
        var csv = await s.Http.GetStringAsync("/api/export?format=csv&keys=1");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var head = lines[0].ToList();
        var row = lines.Single(l => l[head.IndexOf("fileName")] == Path.GetFileName(FindingFilterTests.Doubtful.Source.Path));
        Assert.Equal(("105", "đã sửa"), (row[head.IndexOf("received.online")], row[head.IndexOf("reviewed")]));
        Assert.Contains("95 → 105", row[head.IndexOf("asRead")]);

        // undo through the page's form (token in its field): 303 back to the page, and the doubt is back
        using (var form = await s.Http.PostAsync($"/review/{s.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["action"] = "undo", ["table"] = "1", ["row"] = "1", ["column"] = "received.online", ["token"] = s.Server.Token! })))
        {
            Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
            Assert.StartsWith($"/review/{s.Id}?done=", form.Headers.Location!.OriginalString);
        }
        Assert.Equal("reading", Assert.Single(await Formulas(s)).GetProperty("check").GetProperty("cause").GetString());

        // confirmed as read: the same failure is now an error of the report, resting on the confirmation
        using (var form = await s.Http.PostAsync($"/review/{s.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["action"] = "confirm", ["table"] = "1", ["row"] = "Hộ tịch", ["column"] = "(4)", ["reviewer"] = "Minh", ["token"] = s.Server.Token! })))
            Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
        var confirmed = Assert.Single(await Formulas(s)).GetProperty("check");
        Assert.Equal(("report", "error", "(4) «95» ✓"), (confirmed.GetProperty("cause").GetString(), confirmed.GetProperty("severity").GetString(), confirmed.GetProperty("reviewed").GetString()));
    }

    [Fact]
    public void The_review_page_shows_the_cell_cropped_from_its_page_image_beside_the_value_read()
    {
        var item = new ReviewItem(0, 2, "c4", "received.online", 4, "Hộ tịch", "95", 95m, 3, new BBox(300, 400, 330, 412), 0.55, ["độ tin cậy OCR 0.55"], 105m, null);
        var record = FindingFilterTests.Doubtful;
        var report = new ReviewReport(record.Source.Path, record, ReviewNote.Of(record, record.Source.Path), [item], [], []);
        var html = ReviewPage.Render(7, report, "q3.pdf", noImage: null, dpi: 144, readOnly: false, done: null);
        // the view box is the cell's box (points × 144/72) widened by 60 × 22 points
        Assert.Contains("<svg class=\"crop\" viewBox=\"480 756 300 112\"", html);
        Assert.Contains("<image href=\"/api/documents/7/pages/3.png\"", html);
        Assert.Contains("<dd class=\"read\">95</dd>", html);
        Assert.Contains("value=\"105\"", html);
        Assert.Contains("name=\"column\" value=\"received.online\"", html);
        var docx = ReviewPage.Render(7, report, "q3.docx", noImage: "DOCX", dpi: 144, readOnly: false, done: null);
        Assert.DoesNotContain("<svg", docx);
        Assert.Contains("Không có hình", docx);
    }
}
