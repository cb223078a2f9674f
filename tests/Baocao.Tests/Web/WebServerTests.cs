using System.Net;
using System.Text.Json;
using Baocao.Index;
using Baocao.Reports;
using Baocao.Tests.Index;
using Baocao.Web;

namespace Baocao.Tests.Web;

/// <summary>An index of small records built in code (one with markup in its text) served on a free loopback port.</summary>
public sealed class SmallSite : IDisposable
{
    public TempIndex Index { get; } = new();
    public RunningServer Server { get; }
    public HttpClient Http { get; }

    public SmallSite()
    {
        using (var w = Index.Write())
        {
            var tv = Records.Make("/in/travinh-q2.docx", "Trà Vinh", "SỞ TƯ PHÁP", 2021, 2,
                ("Lý lịch tư pháp", [("received.total", 120m), ("resolved.late", 12m), ("received.online", 100m), ("received.direct", 20m)]),
                ("Hộ tịch", [("received.total", 40m), ("resolved.late", 0m)]),
                ("Tổng cộng", [("received.total", 160m), ("resolved.total", 150m), ("resolved.late", 12m), ("received.online", 100m), ("received.direct", 60m)]));
            var t = tv.Tables[0];
            w.Store(tv with { Tables = [t with { Rows = t.Rows.Select(r => r.Label == "Tổng cộng" ? r with { Kind = "total" } : r).ToList() }] });
            w.Store(Records.Make("/in/bentre-2021.docx", "Bến Tre", "SỞ <script>alert(1)</script>", 2021, null,
                ("<img src=x onerror=alert(1)>", [("received.total", 7m)])));
        }
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

/// <summary>The server over HTTP: the JSON API, the pages' escaping, export, and every bad request's clear 4xx.</summary>
public class WebServerTests(SmallSite site) : IClassFixture<SmallSite>
{
    private async Task<(HttpStatusCode status, string body, string? type)> Get(string url)
    {
        using var r = await site.Http.GetAsync(url);
        return (r.StatusCode, await r.Content.ReadAsStringAsync(), r.Content.Headers.ContentType?.MediaType);
    }

    private long IdOf(string path)
    {
        using var i = SqliteReportIndex.OpenRead(site.Index.Path);
        return i.IdOf(path)!.Value;
    }

    [Fact]
    public void The_server_listens_on_loopback_by_default()
    {
        Assert.StartsWith("http://127.0.0.1:", site.Server.BaseUrl);
    }

    [Fact]
    public async Task Search_api_results_name_their_document_id_and_source_file_and_the_id_opens_the_document()
    {
        var (status, body, type) = await Get("/api/search?q=ly+lich+tu+phap&province=Tra+Vinh&facets=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        using var json = JsonDocument.Parse(body);
        var doc = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("travinh-q2.docx", doc.GetProperty("fileName").GetString());
        // Paths relative to the folder holding every indexed file ("/in/"): the server does not reveal its disk's layout.
        Assert.Equal("travinh-q2.docx", doc.GetProperty("path").GetString());
        Assert.DoesNotContain("/in/", body);
        var id = doc.GetProperty("id").GetInt64();
        Assert.Equal(IdOf("/in/travinh-q2.docx"), id);
        Assert.Equal("2021-Q2", json.RootElement.GetProperty("facets").GetProperty("period")[0].GetProperty("value").GetString());

        var (s2, b2, _) = await Get($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, s2);
        using var d = JsonDocument.Parse(b2);
        Assert.Equal(id, d.RootElement.GetProperty("id").GetInt64());
        Assert.False(d.RootElement.GetProperty("pageImages").GetBoolean());
        Assert.Contains("DOCX", d.RootElement.GetProperty("noPageImages").GetString());
        Assert.Equal("SỞ TƯ PHÁP", d.RootElement.GetProperty("record").GetProperty("header").GetProperty("agency").GetString());
        Assert.Equal("travinh-q2.docx", d.RootElement.GetProperty("record").GetProperty("source").GetProperty("path").GetString());
        var (_, csv, _) = await Get("/api/export?format=csv");
        Assert.DoesNotContain("/in/", csv);

        // Every link of the document page's navigation answers.
        var (s3, page, _) = await Get($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, s3);
        var nav = System.Text.RegularExpressions.Regex.Match(page, "<nav class=\"doc-nav\">(.*?)</nav>").Groups[1].Value;
        var links = System.Text.RegularExpressions.Regex.Matches(nav, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["/", $"/api/documents/{id}", "/checks", $"/review/{id}"], links);
        foreach (var link in links) Assert.Equal(HttpStatusCode.OK, (await Get(link)).Item1);
    }

    [Fact]
    public async Task An_empty_result_offers_to_drop_each_condition_and_a_drop_finds_reports_again()
    {
        var (status, page, _) = await Get("/?province=Tra+Vinh&year=1999");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<span id=\"total\">0</span>", page);
        var empty = System.Text.RegularExpressions.Regex.Match(page, "<div class=\"empty\" id=\"empty\">(.*?)</div>").Groups[1].Value;
        var links = System.Text.RegularExpressions.Regex.Matches(empty, "<a href=\"([^\"]+)\">([^<]+)</a>")
            .Select(m => (Href: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), Text: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Equal(["bỏ tỉnh «Tra Vinh»", "bỏ năm «1999»", "bỏ mọi điều kiện"], links.Select(l => l.Text));
        // Dropping the year leaves the province, which has a report.
        var (_, dropped, _) = await Get(links[1].Href);
        Assert.Contains("<span id=\"total\">1</span>", dropped);
        Assert.DoesNotContain("id=\"empty\"", dropped);
    }

    [Theory]
    [InlineData("/kho/2021/q2", "/kho/2021/q3", "/kho/2021")]
    [InlineData("/kho/2021", "/kho/2021", "/kho/2021")]
    [InlineData("/kho/a", "/khoa/b", "/")]
    [InlineData("/kho/2021", "/kho/20211", "/kho")]
    public void The_common_folder_is_whole_folders(string a, string b, string common) => Assert.Equal(common, PathView.CommonFolder(a, b));

    [Fact]
    public async Task Numeric_filter_and_facets_narrow_the_search_page()
    {
        var (status, html, type) = await Get("/?where=" + Uri.EscapeDataString("resolved.late>10"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        Assert.Contains("<span id=\"total\">1</span>", html);
        Assert.Contains("travinh-q2.docx", html);
        Assert.DoesNotContain("bentre-2021.docx", html);
        Assert.Contains("data-facet=\"period\"", html);
    }

    [Fact]
    public async Task The_numeric_filter_is_chosen_from_vietnamese_labels_and_typed_keys_still_work()
    {
        var (status, html, _) = await Get("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<option value=\"resolved.late\">Đã giải quyết – Quá hạn</option>", html);
        Assert.Contains("<option value=\"received.total\">Tiếp nhận – Tổng số</option>", html);
        // Chosen from the labels: the page of the typed filter it makes (followed redirect), the same reports as typing it.
        var (s2, built, _) = await Get("/?wk=resolved.late&wo=" + Uri.EscapeDataString(">") + "&wv=10");
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Contains("value=\"resolved.late&gt;10\"", built);
        Assert.Contains("<span id=\"total\">1</span>", built);
        Assert.Contains("travinh-q2.docx", built);
        // Added to a typed filter with "and".
        var (_, both, _) = await Get("/?where=" + Uri.EscapeDataString("received.total>=0") + "&wk=resolved.late&wo=" + Uri.EscapeDataString(">") + "&wv=10");
        Assert.Contains("value=\"received.total&gt;=0 and resolved.late&gt;10\"", both);
        // The column heads of matching rows read as labels.
        Assert.Contains(">Đã giải quyết – Quá hạn</th>", built);
        var (bad, message, _) = await Get("/?wk=resolved.late&wo=" + Uri.EscapeDataString(">") + "&wv=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("không phải số", message);
    }

    [Theory]
    [InlineData("/api/documents/999999", 404, "no document with id 999999")]
    [InlineData("/api/documents/abc", 400, "not a positive integer")]
    [InlineData("/api/documents/0", 400, "not a positive integer")]
    [InlineData("/api/documents/-3", 400, "not a positive integer")]
    [InlineData("/api/documents/99999999999999999999999", 400, "not a positive integer")]
    [InlineData("/api/search?where=resolved.late%3E", 400, "where")]
    [InlineData("/api/search?where=nonsense.key%3E1", 400, "unknown key 'nonsense.key'")]
    [InlineData("/api/search?period=2021-Q7", 400, "period '2021-Q7' is not a period")]
    [InlineData("/api/search?year=20x1", 400, "year '20x1' is not a year")]
    [InlineData("/api/search?province=Atlantis", 400, "province 'Atlantis' is not a province")]
    [InlineData("/api/search?limit=100000", 400, "limit")]
    [InlineData("/api/search?path=/etc/passwd", 400, "unknown parameter 'path'")]
    [InlineData("/api/export?format=exe", 400, "not an export format")]
    [InlineData("/api/nothing-here", 404, "no such page")]
    public async Task Bad_api_requests_get_a_clear_4xx_in_json_and_never_a_stack_trace(string url, int status, string message)
    {
        var (s, body, type) = await Get(url);
        Assert.Equal(status, (int)s);
        Assert.Equal("application/json", type);
        using var json = JsonDocument.Parse(body);
        Assert.Contains(message, json.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Theory]
    [InlineData("/documents/424242", 404, "no document with id 424242")]
    [InlineData("/documents/x1", 400, "not a positive integer")]
    [InlineData("/?year=abc", 400, "year &#x27;abc&#x27; is not a year")]
    [InlineData("/charts?where=%3E%3E", 400, "where")]
    [InlineData("/no/such/page.html", 404, "no such page")]
    [InlineData("/static/..%2F..%2Fbaocao.db", 404, "no such file")]
    public async Task Bad_page_requests_get_an_error_page_with_the_reason(string url, int status, string message)
    {
        var (s, body, type) = await Get(url);
        Assert.Equal(status, (int)s);
        Assert.Equal("text/html", type);
        Assert.Contains("id=\"error\"", body);
        Assert.Contains(message, body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Page_images_take_integers_only_and_a_docx_has_none()
    {
        var id = IdOf("/in/travinh-q2.docx");
        var (s1, b1, _) = await Get($"/api/documents/{id}/pages/1.png");
        Assert.Equal(HttpStatusCode.NotFound, s1);
        Assert.Contains("DOCX", b1);
        // Arabic-Indic and fullwidth digits match \d but are no page number (they once gave HTTP 500).
        foreach (var bad in new[] { "..%2F..%2Fbaocao.db", "1.jpg", "one.png", "%2Fetc%2Fpasswd", "%D9%A1.png", "%EF%BC%91.png" })
        {
            var (s, b, _) = await Get($"/api/documents/{id}/pages/{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, s);
            Assert.Contains("not a page image", b);
        }
    }

    [Fact]
    public async Task Post_is_refused_with_a_message()
    {
        using var r = await site.Http.PostAsync("/api/search", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        Assert.Contains("not allowed", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Document_text_is_escaped_on_every_page()
    {
        var id = IdOf("/in/bentre-2021.docx");
        foreach (var url in new[] { "/?q=ben+tre", $"/documents/{id}", "/charts", "/?q=img" })
        {
            var (s, html, _) = await Get(url);
            Assert.Equal(HttpStatusCode.OK, s);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", (await Get($"/documents/{id}")).body);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", (await Get($"/documents/{id}")).body);
    }

    [Fact]
    public async Task Export_returns_the_rows_the_search_selects_as_csv()
    {
        using var r = await site.Http.GetAsync("/api/export?format=csv&q=" + Uri.EscapeDataString("hộ tịch"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", r.Content.Headers.ContentDisposition?.ToString());
        var lines = (await r.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        // Vietnamese headers, in the order a researcher reads: place and report first, provenance last (issue 18).
        Assert.StartsWith("Tỉnh,Cơ quan (chuẩn hoá),Cơ quan (như in),Số báo cáo,Ngày báo cáo", lines[0].TrimStart('\uFEFF'));
        Assert.EndsWith("Tệp,Trang,Bảng,Đường dẫn", lines[0].TrimEnd('\r'));
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("travinh-q2.docx", row);
        Assert.Contains("Hộ tịch", row);
    }

    [Fact]
    public async Task Charts_page_draws_the_agency_periods_and_online_shares_as_inline_svg()
    {
        var (s, html, _) = await Get("/charts");
        Assert.Equal(HttpStatusCode.OK, s);
        Assert.Contains("<svg class=\"chart online-chart\"", html);
        // Trà Vinh's totals row: 100 online of 100 + 60 received in the period.
        Assert.Contains("Trà Vinh: 100 / 160 hồ sơ trực tuyến (62,5%)", html);
        Assert.Contains("aria-label=\"SỞ TƯ PHÁP — Trà Vinh — theo quý\"", html);
        Assert.Contains("Quý II/2021: quá hạn 12", html);
        Assert.DoesNotContain("<script src=\"http", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\" href=\"http", html);
    }

    [Fact]
    public async Task Responses_forbid_outside_scripts_styles_and_images()
    {
        using var r = await site.Http.GetAsync("/");
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
    }
}

/// <summary>Document ids: stable when a path is indexed again, and the key to the stored record.</summary>
public class DocumentIdTests
{
    [Fact]
    public void Reindexing_a_path_keeps_its_id_and_a_new_path_gets_a_new_one()
    {
        using var t = new TempIndex();
        using var w = t.Write();
        w.Store(Records.Make("/in/a.docx", "Trà Vinh", "SỞ A", 2021, 1, ("Hộ tịch", [("received.total", 1m)])));
        w.Store(Records.Make("/in/b.docx", "Trà Vinh", "SỞ B", 2021, 1, ("Hộ tịch", [("received.total", 2m)])));
        var a = w.IdOf("/in/a.docx")!.Value;
        var b = w.IdOf("/in/b.docx")!.Value;
        Assert.NotEqual(a, b);
        w.Store(Records.Make("/in/a.docx", "Trà Vinh", "SỞ A", 2022, 1, ("Hộ tịch", [("received.total", 5m)])));
        Assert.Equal(a, w.IdOf("/in/a.docx"));
        Assert.Equal(2022, w.Load(a)!.Header.Period!.Year);
        Assert.Equal(5m, w.Search(new SearchQuery(Text: "ho tich", Year: 2022)).Documents.Single(d => d.Id == a).Rows.Single().Values["received.total"]);
        Assert.Equal("SỞ B", w.Load(b)!.Header.Agency);
        Assert.Null(w.Load(987654));
        Assert.Null(w.IdOf("/in/none.docx"));
    }
}

/// <summary>The data folder's copies of PDF sources, named by their hash.</summary>
public class SourceStoreTests
{
    [Fact]
    public void A_pdf_or_docx_is_kept_under_its_hash_other_files_are_not_and_names_that_are_not_hashes_are_refused()
    {
        var dir = Directory.CreateTempSubdirectory("baocao-sources").FullName;
        try
        {
            var pdf = Path.Combine(dir, "in.pdf");
            File.WriteAllText(pdf, "%PDF-1.4 test");
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(pdf)));
            var store = new SourceStore(Path.Combine(dir, "data"));
            // Bytes that do not have the hash (the file changed since it was hashed) are not kept under it.
            Assert.False(store.Keep(pdf, new string('b', 64)));
            Assert.Null(store.Find(new string('b', 64)));
            Assert.True(store.Keep(pdf, sha));
            Assert.Equal("%PDF-1.4 test", File.ReadAllText(Path.Combine(dir, "data", "sources", sha + ".pdf")));
            Assert.Equal(Path.Combine(dir, "data", "sources", sha + ".pdf"), store.Find(sha));
            // A DOCX is kept too (for the source download), under its own extension; other files are not.
            var docx = Path.Combine(dir, "in.docx");
            File.WriteAllText(docx, "PK docx test");
            var docxSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(docx)));
            Assert.True(store.Keep(docx, docxSha));
            Assert.Equal(Path.Combine(dir, "data", "sources", docxSha + ".docx"), store.FindSource(docxSha, "/elsewhere/Báo cáo.DOCX"));
            Assert.Null(store.Find(docxSha));
            Assert.Null(store.FindSource(docxSha, "/elsewhere/in.pdf"));
            Assert.False(store.Keep(Path.Combine(dir, "in.txt"), sha));
            Assert.Equal(store.Find(sha), store.FindSource(sha, "x.pdf"));
            Assert.Null(store.Find(new string('c', 64)));
            Assert.Null(store.PathOf("../../etc/passwd"));
            Assert.Null(store.PathOf(new string('B', 64)));
            Assert.Throws<ArgumentException>(() => store.Keep(pdf, "../x"));
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "data", "sources"), "*.tmp"));
            // A copy holding other bytes than its name says (made from a file that changed, by an earlier version) is replaced.
            File.WriteAllText(store.Find(sha)!, "%PDF-1.4 other document");
            Assert.True(store.Keep(pdf, sha));
            Assert.Equal("%PDF-1.4 test", File.ReadAllText(store.Find(sha)!));
            Assert.Equal(Path.Combine(dir, "data"), SourceStore.DataFolderOf(Path.Combine(dir, "data", "baocao.db")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
