using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An admin in a real Chromium creates an iplive app in Settings (its token shown once), the app adds a group with
/// that token, and its monitor appears in the list tagged with its origin and opens in the ordinary edit dialog.
/// </summary>
[Trait("Category", "Browser")]
public class IpLiveJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_creates_an_app_whose_group_shows_up_tagged_and_editable()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/settings");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByLabel("App name").FillAsync("storefront");
            await page.GetByLabel("Callback URL").First.FillAsync("http://127.0.0.1:9/cb");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create app" }).ClickAsync();
            var secret = page.Locator("code.token-secret");
            await Expect(secret).ToContainTextAsync("ipl_");
            var token = await secret.InnerTextAsync();

            using var client = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
            using var answer = await client.PostAsync("/operate_monitor", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["app_name"] = "storefront", ["token"] = token, ["group_id"] = "12", ["record_ids"] = "3", ["ips"] = "127.0.0.1", ["port"] = "9",
            }));
            Assert.Contains("\"code\":0", await answer.Content.ReadAsStringAsync());

            await page.GotoAsync("/monitors");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "iplive storefront/12 #3" });
            await Expect(row.GetByText("iplive:storefront/12")).ToBeVisibleAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Edit iplive storefront/12 #3" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByLabel("Target")).ToHaveValueAsync("http://127.0.0.1:9/");
        });
    }
}
