using System.Globalization;
using Baocao.Checks;
using Baocao.Index;
using Baocao.Pipeline;
using Baocao.Reports;
using Baocao.Tests.Corpus;
using Baocao.Web;
using Microsoft.Playwright;

namespace Baocao.Tests.Web;

/// <summary>
/// Issue 18 item 2 in the browser: review → correct → the finding disappears and the export carries the corrected value.
/// The site serves one digital sample whose record is changed in code as a scan's reading would be: one figure read one
/// too high with OCR confidence 0.50 (its text, value and flags; its page and box as extracted), so its formula fails as a
/// reading doubt whose likely reading is the printed value. The page image is the real PDF page, rendered by poppler.
/// </summary>
public sealed class ReviewBrowserSite : IAsyncLifetime
{
    private const string Sample = "01-stttt-travinh-q2-2021.pdf";

    public string DataDir { get; } = Directory.CreateTempSubdirectory("baocao-review-e2e").FullName;
    public string IndexPath => Path.Combine(DataDir, IndexLocation.FileName);
    public RunningServer Server { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public long Id { get; private set; }

    /// <summary>The cell misread: its table and row (from 1), its key, and the value printed.</summary>
    public (int Table, int Row, string Key, decimal Printed, string Read) Cell { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserSite.ChromiumPath))
            throw new InvalidOperationException($"chromium not found at {BrowserSite.ChromiumPath}: run `bash scripts/install-deps.sh` or set BAOCAO_CHROMIUM");
        var path = Path.Combine(CorpusTests.CorpusDir, Sample);
        var record = Extractor.CreateDefault(ocrWorkers: 0).Extract(path);
        var misread = Misread(record);
        using (var index = SqliteReportIndex.OpenWrite(IndexPath))
        {
            index.Store(misread);
            Id = index.IdOf(path)!.Value;
        }
        new SourceStore(DataDir).Keep(path, record.Source.Sha256);
        Server = WebServer.Start(new ServeOptions(IndexPath, Port: 0));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserSite.ChromiumPath, Headless = true });
    }

    /// <summary>
    /// The first received.online figure (above 0, with a box) of a table whose received.total has a printed formula, read
    /// one higher at confidence 0.50; the record's checks run again on it.
    /// </summary>
    private ReportRecord Misread(ReportRecord r)
    {
        foreach (var t in r.Tables)
        {
            if (t.Columns.FirstOrDefault(c => c.Key == "received.online") is not { } col || !t.Columns.Any(c => c.Key == "received.total" && c.Formula is not null)) continue;
            foreach (var row in t.Rows)
            {
                if (row.Cells.FirstOrDefault(c => c.Column == col.Id) is not { Value: > 0, Box: not null } cell) continue;
                var read = (cell.Value!.Value + 1).ToString(CultureInfo.InvariantCulture);
                var values = new Dictionary<string, decimal?>(row.Values, StringComparer.Ordinal) { ["received.online"] = cell.Value + 1 };
                var changed = row with
                {
                    Values = values,
                    Cells = row.Cells.Select(c => c == cell ? c with { Raw = read, Value = cell.Value + 1, Confidence = 0.5, Flags = ["low-confidence"] } : c).ToList(),
                };
                Cell = (t.Index + 1, row.Index + 1, "received.online", cell.Value!.Value, read);
                var tables = r.Tables.Select(x => x != t ? x : x with { Rows = x.Rows.Select(y => y == row ? changed : y).ToList() }).ToList();
                return ReportChecker.CreateDefault().Apply(r with { Tables = tables });
            }
        }
        throw new InvalidOperationException($"{Sample}: no received.online figure under a formula to misread");
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
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        return await context.NewPageAsync();
    }
}

public class ReviewBrowserTests(ReviewBrowserSite site) : IClassFixture<ReviewBrowserSite>
{
    [Fact]
    public async Task Review_then_correct_the_finding_disappears_and_the_export_carries_the_corrected_value()
    {
        var page = await site.NewPage();
        var (table, row, key, printed, read) = site.Cell;
        // Before: a reading doubt on the report.
        await page.GotoAsync("/checks?cause=reading");
        Assert.True(await page.Locator("tr.check[data-cause='reading']").CountAsync() > 0);

        // The queue, then the report's review page.
        await page.GotoAsync("/review");
        await page.Locator($"#review-list a[href='/review/{site.Id}']").ClickAsync();
        await page.WaitForURLAsync($"**/review/{site.Id}");
        var item = page.Locator($"section.review-item[data-table='{table}'][data-row='{row}'][data-column='{key}']");
        await item.WaitForAsync();
        Assert.Equal(read, (await item.Locator("dd.read").TextContentAsync())?.Trim());
        // The cell on its source page: the crop's page image loads.
        var image = item.Locator("svg.crop image");
        Assert.EndsWith(".png", await image.GetAttributeAsync("href"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('svg.crop image'); return i && i.getBBox().width > 0; }");
        // The likely reading is filled in.
        Assert.Equal(Html.Num(printed), await item.Locator("input.value").InputValueAsync());

        // Without the token the server refuses (403 page); with it, the correction is stored.
        await item.Locator("input.reviewer").FillAsync("Lan");
        await item.Locator("button.set").ClickAsync();
        await page.Locator("#error").WaitForAsync();
        Assert.Contains("token", await page.Locator("#error").TextContentAsync());

        await page.GotoAsync($"/review/{site.Id}");
        await page.Locator("#review-token").FillAsync(site.Server.Token!);
        item = page.Locator($"section.review-item[data-table='{table}'][data-row='{row}'][data-column='{key}']");
        Assert.Equal("Lan", await item.Locator("input.reviewer").InputValueAsync());
        await item.Locator("button.set").ClickAsync();
        await page.Locator("#done").WaitForAsync();
        Assert.Contains($"Lan sửa «{read}» thành {Html.Num(printed)}", await page.Locator("#done").TextContentAsync());
        await page.Locator($"section.review-item.decided[data-table='{table}'][data-row='{row}']").WaitForAsync();

        // The finding is gone from the checks page …
        await page.GotoAsync("/checks?cause=reading");
        await page.Locator("h1").WaitForAsync();
        Assert.Equal(0, await page.Locator("tr.check[data-cause='reading']").CountAsync());
        // … and the export carries the corrected value, flagged, with the value as read.
        var csv = await page.APIRequest.GetAsync("/api/export?format=csv&keys=1&rows=all");
        using var reader = new CsvHelper.CsvReader(new StringReader((await csv.TextAsync()).TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var lines = new List<string[]>();
        while (reader.Read()) lines.Add(Enumerable.Range(0, reader.ColumnCount).Select(i => reader.GetField(i) ?? "").ToArray());
        var head = lines[0].ToList();
        var flagged = lines.Skip(1).Where(l => l[head.IndexOf("reviewed")] == "đã sửa").ToList();
        var line = Assert.Single(flagged);
        Assert.Equal(printed.ToString(CultureInfo.InvariantCulture), line[head.IndexOf(key)]);
        Assert.EndsWith($"{read} → {printed.ToString(CultureInfo.InvariantCulture)}", line[head.IndexOf("asRead")]);
    }
}
