using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// A cron job's monitor from the UI: create a push monitor in the dialog, copy its URL from the monitor's page, ping it
/// with an HTTP client as the job would, and see the monitor come up live.
/// </summary>
[Trait("Category", "Browser")]
public class PushMonitorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task Operator_creates_a_push_monitor_copies_its_url_and_sees_it_up_after_a_ping()
    {
        var page = await fixture.NewSignedInPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = fixture.App.BaseUrl.TrimEnd('/') });
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add monitor" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("Nightly backup");
            await dialog.GetByLabel("Type").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Push", Exact = true }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "When pings are expected" })).ToBeVisibleAsync();
            await dialog.GetByLabel("Expected every (seconds)").FillAsync("3600");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nightly backup" }).GetByRole(AriaRole.Link, new() { Name = "Nightly backup" }).ClickAsync();
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "Push URL" });
            await Expect(panel.GetByText("Expected every 3600 s")).ToBeVisibleAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "Copy: URL" }).ClickAsync();
            await Expect(page.GetByText("Copied to the clipboard")).ToBeVisibleAsync();
            var url = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            Assert.Matches(new Regex(@"^http://127\.0\.0\.1:\d+/api/push/[A-Za-z0-9_-]{22,}$"), url);

            using var http = new HttpClient();
            using var ping = await http.GetAsync(url);
            Assert.True(ping.IsSuccessStatusCode, $"the ping answered {(int)ping.StatusCode}");

            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex(@"^Last 100 rounds: 1 up, 0 down") })).ToBeVisibleAsync(Patiently);
        });
    }
}
