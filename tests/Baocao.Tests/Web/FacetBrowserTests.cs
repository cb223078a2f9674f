using Baocao.Tests.Index;
using Baocao.Web;
using Microsoft.Playwright;

namespace Baocao.Tests.Web;

/// <summary>Fourteen small reports of fourteen agencies in one province: more agencies than a facet shows at first.</summary>
public sealed class ManyAgenciesSite : IAsyncLifetime
{
    public const int Agencies = 14;
    public TempIndex Index { get; } = new();
    public RunningServer Server { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserSite.ChromiumPath))
            throw new InvalidOperationException($"chromium not found at {BrowserSite.ChromiumPath}: run `bash scripts/install-deps.sh` or set BAOCAO_CHROMIUM");
        using (var w = Index.Write())
            w.StoreAll(Enumerable.Range(1, Agencies).Select(i =>
                Records.Make($"/many/{i:00}.docx", "Bến Tre", $"SỞ SỐ {i:00}", 2022, 1 + i % 4, ("Hộ tịch", [("received.total", i)]))).ToList());
        Server = WebServer.Start(new ServeOptions(Index.Path, Port: 0));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserSite.ChromiumPath, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        Server?.Dispose();
        Index.Dispose();
    }

    public async Task<IPage> NewPage() =>
        await (await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } })).NewPageAsync();
}

/// <summary>Issue 18 item 5 in the browser: a facet's overflow opens in place, and an empty result says what to drop.</summary>
public class FacetBrowserTests(ManyAgenciesSite site) : IClassFixture<ManyAgenciesSite>
{
    [Fact]
    public async Task A_facets_overflow_opens_in_place_and_its_values_filter()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/?province=" + Uri.EscapeDataString("Bến Tre"));
        var agency = page.Locator(".facet[data-facet=agency]");
        await Assertions.Expect(agency.Locator("> ul > li")).ToHaveCountAsync(SearchPage.FacetsShown);
        var fold = agency.Locator("details.more-values");
        var hidden = fold.Locator("li a");
        Assert.Equal(ManyAgenciesSite.Agencies - SearchPage.FacetsShown, await hidden.CountAsync());
        await Assertions.Expect(hidden.First).ToBeHiddenAsync();
        var url = page.Url;
        await fold.Locator("summary").ClickAsync();
        await Assertions.Expect(hidden.First).ToBeVisibleAsync();
        Assert.Equal(url, page.Url); // in place: no reload, no new address
        // A value from the fold is a filter like the others.
        var name = (await hidden.Last.TextContentAsync())!.Trim();
        await hidden.Last.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("agency="));
        await Assertions.Expect(page.Locator("article.result")).ToHaveCountAsync(1);
        Assert.Contains(name, await page.Locator("article.result").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_result_offers_to_drop_a_condition_and_dropping_it_finds_the_reports()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/?q=khong+co+dau&province=" + Uri.EscapeDataString("Bến Tre"));
        await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.result")).ToHaveCountAsync(0);
        await page.Locator("#empty a", new() { HasText = "bỏ từ khóa" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=khong"));
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync(ManyAgenciesSite.Agencies.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
