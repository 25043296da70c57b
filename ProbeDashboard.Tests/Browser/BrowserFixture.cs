using Microsoft.Playwright;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// One real app on 127.0.0.1 and one headless Debian Chromium for all browser tests of a class. Probing runs
/// with a one-second minimum interval so live changes show up within seconds.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public LiveApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        App = await LiveApp.StartAsync(new Dictionary<string, string> { ["Probing:MinIntervalSeconds"] = "1" }, cts.Token);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile (own cookies) in a time zone other than UTC, signed in as admin.</summary>
    public async Task<IPage> NewSignedInPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            Locale = "en-US",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 950 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(LiveApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(App.BaseUrl + "/");
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Clicks before the circuit has connected would be lost; wait for the layout's live render.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
