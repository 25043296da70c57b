using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// Single sign-on in a real Chromium: "Sign in with Test IdP" on the sign-in page, the round trip through the test
/// provider on 127.0.0.1 (code + PKCE), and the dashboard signed in as the provider's user with the mapped role.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SingleSignOnJourneyTests : IAsyncLifetime
{
    private OidcTestProvider _provider = default!;
    private LiveApp _app = default!;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _provider = await OidcTestProvider.StartAsync();
        _provider.User = new OidcTestUser("sub-kim", "kim", ["ops"]);
        _app = await LiveApp.StartAsync(_provider.Settings().ToDictionary(s => s.Key, s => s.Value!), cts.Token);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task Sign_in_with_the_provider_lands_on_the_dashboard_as_its_user()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/monitors");
            await page.WaitForURLAsync(url => url.Contains("/login"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test IdP" }).ClickAsync();

            await page.WaitForURLAsync(_app.BaseUrl + "/monitors");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByText("kim", new() { Exact = true }).First).ToBeVisibleAsync();
            Assert.Equal(1, _provider.VerifiedCodeExchanges);
            var user = await WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "kim"));
            Assert.Equal(UserRole.Operator, user.Role);
        });
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_sign_in_page_with_the_provider_button_passes_axe(string theme)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseUrl, Locale = "en-US" });
        await context.AddCookiesAsync([new Cookie { Name = "pd-theme", Value = theme, Url = _app.BaseUrl }]);
        var page = await context.NewPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/login");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test IdP" })).ToBeVisibleAsync();
            var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join("\n", serious));
        });
    }

    private async Task<T> WithDbAsync<T>(Func<ProbeDbContext, Task<T>> work)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
    }
}
