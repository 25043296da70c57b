using Microsoft.Playwright;
using OtpNet;
using ProbeDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// <c>Auth:Require2fa</c> in a real Chromium: after the password, a user without a second factor lands on the setup
/// page and stays there (other pages send them back) until a code from the secret on the page turns it on.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RequireTwoFactorBrowserTests : IAsyncLifetime
{
    private LiveApp _app = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _app = await LiveApp.StartAsync(new Dictionary<string, string> { ["Auth:Require2fa"] = "true" }, cts.Token);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task A_user_without_2fa_is_sent_to_setup_and_gets_in_after_turning_it_on()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("User name").FillAsync("admin");
            await page.GetByLabel("Password").FillAsync(LiveApp.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await page.WaitForURLAsync(_app.BaseUrl + "/account/two-factor");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("requires two-factor sign-in");
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for the authenticator app" })).ToBeVisibleAsync();
            await page.GotoAsync("/monitors");
            await page.WaitForURLAsync(_app.BaseUrl + "/account/two-factor");

            var secret = (await page.Locator("p code").First.TextContentAsync())!.Trim();
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Code", Exact = true }).FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);

            await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the dashboard" }).ClickAsync();
            await page.GotoAsync("/monitors");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            Assert.Equal(_app.BaseUrl + "/monitors", page.Url);
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
