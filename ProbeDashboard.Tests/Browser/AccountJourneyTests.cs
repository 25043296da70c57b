using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// The account pages in a real Chromium: an API key made from the top bar, shown once and revoked; and the other
/// sessions ended from one browser, which sends the other browser to the sign-in page.
/// </summary>
[Trait("Category", "Browser")]
public class AccountJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_api_key_is_made_shown_once_and_revoked()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "New API key" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("journey key");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "New API key" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            var secret = await page.Locator("code.token-secret").TextContentAsync();
            Assert.StartsWith("pdk_", secret!.Trim());
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "journey key" });
            await Expect(row).ToContainTextAsync("active");

            using (var client = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) })
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", secret.Trim());
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/service-monitors")).StatusCode);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await Expect(page.Locator("code.token-secret")).ToHaveCountAsync(0);

            await row.GetByRole(AriaRole.Button, new() { Name = "Revoke API key journey key" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Expect(row).ToContainTextAsync("revoked");
        });
    }

    [Fact]
    public async Task Ending_the_other_sessions_signs_the_other_browser_out_and_keeps_this_one()
    {
        var other = await fixture.NewSignedInPageAsync();
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sessions", Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var current = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "this browser" });
            await Expect(current).ToContainTextAsync("127.0.0.1");

            await Expect(page.Locator("tbody tr")).Not.ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "End all other sessions" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End all other sessions" }).ClickAsync();
            await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

            await other.GotoAsync("/monitors");
            await other.WaitForURLAsync(url => url.Contains("/login"));
            await page.GotoAsync("/account/sessions");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sessions", Level = 1 })).ToBeVisibleAsync();
        });
    }
}
