using System.Text.RegularExpressions;
using System.IO.Compression;
using Baocao.Index;
using Baocao.Pipeline;
using Baocao.Tests.Corpus;
using Baocao.Web;
using Microsoft.Playwright;

namespace Baocao.Tests.Web;

/// <summary>
/// A real site for the browser: an index of a few corpus samples (digital PDFs and one DOCX; no scans, OCR is slow) with
/// the PDFs' copies in its data folder, served in-process on a free port, and Debian's headless chromium driven by
/// Playwright (which cannot download its own browsers here, so <c>ExecutablePath</c> names the system's).
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public static readonly string[] Samples =
        ["14-skhdt-vinhlong-q1-2022.pdf", "15-skhdt-vinhlong-q2-2022.pdf", "01-stttt-travinh-q2-2021.pdf", "01-stttt-travinh-q2-2021.docx"];

    /// <summary>Where chromium is: $BAOCAO_CHROMIUM, else Debian's.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("BAOCAO_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public string DataDir { get; } = Directory.CreateTempSubdirectory("baocao-web-e2e").FullName;
    public string IndexPath => Path.Combine(DataDir, IndexLocation.FileName);
    public RunningServer Server { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Dictionary<string, long> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        // Fail loudly, never skip: CI installs chromium through scripts/install-deps.sh.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"chromium not found at {ChromiumPath}: the web interface's browser tests need it; run `bash scripts/install-deps.sh` (Debian package chromium) or set BAOCAO_CHROMIUM");
        var extractor = Extractor.CreateDefault(ocrWorkers: 0);
        var sources = new SourceStore(DataDir);
        using (var index = SqliteReportIndex.OpenWrite(IndexPath))
            foreach (var name in Samples)
            {
                var path = Path.Combine(CorpusTests.CorpusDir, name);
                var record = extractor.Extract(path);
                index.Store(record);
                sources.Keep(path, record.Source.Sha256);
                Ids[name] = index.IdOf(path)!.Value;
            }
        Server = WebServer.Start(new ServeOptions(IndexPath, Port: 0));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        Server?.Dispose();
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, AcceptDownloads = true, ViewportSize = new() { Width = 1400, Height = 1000 } });
        return await context.NewPageAsync();
    }
}

/// <summary>End to end in headless chromium: search, open a document, click a value and see its box, export.</summary>
public class BrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Searching_without_diacritics_finds_the_reports_and_a_facet_narrows_them()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "ke hoach dau tu");
        await page.ClickAsync("#go");
        // Web-first waits (the URL, then the elements, each retried): WaitForURL also waits for the new page's "load"
        // event, and twice in CI that wait timed out after the URL had matched (Playwright's log: "NetworkIdle" fired).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/\?q=ke\+hoach\+dau\+tu"));
        var files = page.Locator("article.result .file");
        await Assertions.Expect(files).ToHaveCountAsync(2);
        Assert.Equal(["14-skhdt-vinhlong-q1-2022.pdf", "15-skhdt-vinhlong-q2-2022.pdf"], (await files.AllTextContentsAsync()).Order());
        Assert.True(await page.Locator("article.result mark").CountAsync() > 0);
        Assert.Contains("Kế hoạch", await page.Locator("article.result mark").First.TextContentAsync(), StringComparison.OrdinalIgnoreCase);

        // The period facet drills down: year, then half, then quarter (issue 17).
        await page.Locator(".facet[data-facet=period] a", new() { HasText = "2022" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("period=2022(&|$)"));
        await Assertions.Expect(page.Locator("article.result")).ToHaveCountAsync(2);
        await page.Locator(".facet[data-facet=period] a", new() { HasText = "6 tháng đầu năm 2022" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("period=2022-H1(&|$)"));
        await page.Locator(".facet[data-facet=period] a", new() { HasText = "Quý II/2022" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("period=2022-Q2(&|$)"));
        await Assertions.Expect(files).ToHaveCountAsync(1);
        Assert.Equal(["15-skhdt-vinhlong-q2-2022.pdf"], await files.AllTextContentsAsync());
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task Clicking_a_value_outlines_its_box_on_the_source_page()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/");
        await page.FillAsync("#q", "ke hoach dau tu");
        await page.ClickAsync("#go");
        await page.Locator("article.result", new() { HasText = "14-skhdt-vinhlong-q1-2022.pdf" }).Locator("a.doc-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/documents/{site.Ids["14-skhdt-vinhlong-q1-2022.pdf"]}$"));
        await Assertions.Expect(page.Locator("tr.total td[data-key='received.total']")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("#no-image").CountAsync());

        // The totals row's received.total: sample 14 misprints it (504 for 540), so the checks mark that very cell.
        var cell = page.Locator("tr.total td[data-key='received.total']");
        Assert.Equal("504", (await cell.TextContentAsync())?.Trim());
        Assert.Contains("has-check", await cell.GetAttributeAsync("class"));
        await cell.ClickAsync();
        var box = page.Locator("#box");
        await box.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(await cell.GetAttributeAsync("id"), await box.GetAttributeAsync("data-cell"));
        Assert.Contains("selected", await cell.GetAttributeAsync("class"));

        // The outline sits where the value's PDF box falls on the rendered page: points × (shown width / image width) × dpi / 72.
        var img = page.Locator("#page-img");
        var src = await img.GetAttributeAsync("src");
        Assert.EndsWith($"/pages/{await cell.GetAttributeAsync("data-page")}.png", src);
        var natural = await img.EvaluateAsync<double>("i => i.naturalWidth");
        Assert.True(natural > 0, "the page image loaded");
        var dpi = double.Parse((await page.Locator("#page-view").GetAttributeAsync("data-dpi"))!, System.Globalization.CultureInfo.InvariantCulture);
        var b = (await cell.GetAttributeAsync("data-box"))!.Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var ib = (await img.BoundingBoxAsync())!;
        var bb = (await box.BoundingBoxAsync())!;
        var s = ib.Width / natural * dpi / 72;
        Assert.InRange(bb.X + bb.Width / 2, ib.X + (b[0] + b[2]) / 2 * s - 3, ib.X + (b[0] + b[2]) / 2 * s + 3);
        Assert.InRange(bb.Y + bb.Height / 2, ib.Y + (b[1] + b[3]) / 2 * s - 3, ib.Y + (b[1] + b[3]) / 2 * s + 3);
        Assert.InRange(bb.Width, (b[2] - b[0]) * s, (b[2] - b[0]) * s + 6);

        // A value on another page switches the image to that page.
        await page.SelectOptionAsync("#page-select", "1");
        await page.WaitForFunctionAsync("() => document.getElementById('page-img').src.endsWith('/pages/1.png')");
        await cell.ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('page-img').src.endsWith('/pages/2.png') && !document.getElementById('box').hidden");
    }

    [Fact]
    public async Task Every_link_on_the_document_page_answers_and_a_finding_jumps_to_its_cell()
    {
        var page = await site.NewPage();
        var name = "14-skhdt-vinhlong-q1-2022.pdf";
        await page.GotoAsync($"/documents/{site.Ids[name]}");
        // Every link of the page (navigation, copies, findings' cells) leads somewhere (issue 18 item 5: no dead ends).
        var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Contains("/", hrefs);
        foreach (var href in hrefs.Where(h => !h.StartsWith('#')).Distinct())
            Assert.True((await page.APIRequest.GetAsync(href)).Status == 200, $"{href} answers 200");

        // The source file downloads under its own name, the bytes that were indexed.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#source-file"));
        Assert.Equal(name, download.SuggestedFilename);
        Assert.Equal(File.ReadAllBytes(Path.Combine(CorpusTests.CorpusDir, name)), File.ReadAllBytes((await download.PathAsync())!));

        // A finding's link outlines its cell on the source page (sample 14 misprints the totals row's received.total).
        var toCell = page.Locator("#checks a.to-cell").First;
        var anchor = (await toCell.GetAttributeAsync("href"))!.TrimStart('#');
        Assert.Equal(1, await page.Locator($"[id='{anchor}']").CountAsync());
        await toCell.ClickAsync();
        var box = page.Locator("#box");
        await Assertions.Expect(box).ToBeVisibleAsync();
        await Assertions.Expect(box).ToHaveAttributeAsync("data-cell", anchor);

        // Zoom widens the page image inside its view, and the outline follows the value.
        var img = page.Locator("#page-img");
        var before = (await img.BoundingBoxAsync())!.Width;
        await page.ClickAsync("#zoom-in");
        await Assertions.Expect(page.Locator("#zoom-level")).ToHaveTextAsync("150%");
        Assert.InRange((await img.BoundingBoxAsync())!.Width, before * 1.45, before * 1.55);
        var natural = await img.EvaluateAsync<double>("i => i.naturalWidth");
        var dpi = double.Parse((await page.Locator("#page-view").GetAttributeAsync("data-dpi"))!, System.Globalization.CultureInfo.InvariantCulture);
        var b = (await page.Locator($"[id='{anchor}']").GetAttributeAsync("data-box"))!.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var s = (await img.BoundingBoxAsync())!.Width / natural * dpi / 72;
        Assert.InRange((await box.BoundingBoxAsync())!.Width, (b[2] - b[0]) * s, (b[2] - b[0]) * s + 6);

        // The tables can take the whole width; clicking a value brings the page back.
        var tables = page.Locator(".doc-layout > .tables");
        var narrow = (await tables.BoundingBoxAsync())!.Width;
        await page.ClickAsync("#wide-tables");
        await Assertions.Expect(page.Locator("#page-view")).ToBeHiddenAsync();
        Assert.True((await tables.BoundingBoxAsync())!.Width > narrow * 1.3);
        await page.Locator($"[id='{anchor}']").ClickAsync();
        await Assertions.Expect(page.Locator("#page-view")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_link_to_a_value_opens_the_document_with_that_value_outlined()
    {
        var page = await site.NewPage();
        var id = site.Ids["15-skhdt-vinhlong-q2-2022.pdf"];
        await page.GotoAsync($"/documents/{id}");
        var cellId = await page.Locator("tr.total td[data-key='resolved.late']").GetAttributeAsync("id");
        await page.GotoAsync($"/documents/{id}#{cellId}");
        await page.ReloadAsync();
        await page.Locator("#box").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(cellId, await page.Locator("#box").GetAttributeAsync("data-cell"));
        Assert.Contains("selected", await page.Locator($"[id='{cellId}']").GetAttributeAsync("class"));
    }

    [Fact]
    public async Task The_charts_page_draws_an_agency_over_its_periods_and_the_online_share_by_province()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/charts?agency=" + Uri.EscapeDataString("ke hoach va dau tu"));
        var chart = page.Locator("svg.agency-chart");
        Assert.Equal(1, await chart.CountAsync());
        Assert.Contains("Vĩnh Long", await chart.GetAttributeAsync("aria-label"));
        // Q1 and Q2 of 2022, each with received, resolved and late (sample 14 prints 504 received in its totals row).
        Assert.Equal(6, await chart.Locator("rect.bar:has(title)").CountAsync());
        Assert.Equal("Quý I/2022: tiếp nhận 504", await chart.Locator("rect.bar.received title").First.TextContentAsync());
        var online = page.Locator("svg.online-chart rect.bar.online");
        Assert.Equal(1, await online.CountAsync());
        Assert.True((await online.BoundingBoxAsync())!.Width > 0);
        // One chart per period kind: these two reports are quarterly, so one chart, the late rate drawn on it.
        Assert.Equal("quarter", await chart.GetAttributeAsync("data-kind"));
        Assert.Equal(2, await chart.Locator("circle.rate").CountAsync());

        // Each chart saves alone: the SVG as drawn, the PNG rasterised by the browser at twice the size.
        var box = page.Locator(".chart-box", new() { Has = chart });
        var svg = await page.RunAndWaitForDownloadAsync(() => box.Locator("button[data-save=svg]").ClickAsync());
        Assert.EndsWith("-quarter.svg", svg.SuggestedFilename);
        var text = File.ReadAllText((await svg.PathAsync())!);
        Assert.Contains("<svg", text);
        Assert.Contains("Quý I/2022: tiếp nhận 504", text);
        var png = await page.RunAndWaitForDownloadAsync(() => box.Locator("button[data-save=png]").ClickAsync());
        Assert.EndsWith("-quarter.png", png.SuggestedFilename);
        var bytes = File.ReadAllBytes((await png.PathAsync())!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        // The PNG's width (big-endian at byte 16) is twice the SVG's.
        var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        Assert.Equal(2 * int.Parse((await chart.GetAttributeAsync("width"))!, System.Globalization.CultureInfo.InvariantCulture), width);
    }

    [Fact]
    public async Task A_docx_document_shows_its_tables_without_a_page_image_and_says_why()
    {
        var page = await site.NewPage();
        await page.GotoAsync($"/documents/{site.Ids["01-stttt-travinh-q2-2021.docx"]}");
        Assert.Contains("DOCX", await page.Locator("#no-image").TextContentAsync());
        Assert.Equal(0, await page.Locator("#page-img").CountAsync());
        Assert.True(await page.Locator("table.data th.key", new() { HasText = "Tiếp nhận – Tổng số" }).CountAsync() > 0);
    }

    [Fact]
    public async Task The_export_buttons_download_the_search_result_as_csv_and_xlsx()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("doanh nghiep"));
        int expected;
        // Item rows only, as the export buttons give them (issue 18: a column sums without totals counted twice).
        using (var index = SqliteReportIndex.OpenRead(site.IndexPath)) expected = index.Export(new SearchQuery(Text: "doanh nghiệp")).Count(r => r.Kind == "item");
        Assert.True(expected > 0);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        Assert.Equal("baocao-export.csv", csv.SuggestedFilename);
        var lines = File.ReadAllText((await csv.PathAsync())!).TrimEnd().Split('\n');
        Assert.Contains("Tiếp nhận – Tổng số", lines[0]);
        Assert.Equal(expected, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains("doanh nghiệp", l, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(lines, l => l.Contains(",15-skhdt-vinhlong-q2-2022.pdf,", StringComparison.Ordinal));

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        Assert.Equal("baocao-export.xlsx", xlsx.SuggestedFilename);
        using var zip = ZipFile.OpenRead((await xlsx.PathAsync())!);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = reader.ReadToEnd();
        Assert.Equal(expected + 1, System.Text.RegularExpressions.Regex.Matches(xml, "<(x:)?row[ >]").Count);
        Assert.Contains("15-skhdt-vinhlong-q2-2022.pdf", xml);
    }
}
