using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Results;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An admin in a real Chromium reads the API page (rendered from the OpenAPI document) and changes the data
/// retention in Settings, where the database size is shown and "compact now" reports what it did.
/// </summary>
[Trait("Category", "Browser")]
public class OperationsPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_reads_the_api_page_and_sets_retention_and_compacts_the_database()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/api-docs");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var operation = page.Locator("details").Filter(new() { HasText = "/api/v1/config/export" });
            // The server builds the document afresh for each request (0.4-1.5 s here at a load average of 40), then
            // the circuit renders ~70 operations: more than the default 5 s on a busy shared machine.
            await Expect(operation).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await operation.Locator("summary").ClickAsync();
            await Expect(operation.GetByRole(AriaRole.Cell, new() { Name = "query" }).First).ToBeVisibleAsync();
            await Expect(operation.GetByText("include_secrets")).ToBeVisibleAsync();
            await Expect(operation.GetByText("Token: bearer (admin)")).ToBeVisibleAsync();

            await page.GotoAsync("/settings");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByText("Database size")).ToBeVisibleAsync();
            await page.GetByLabel("Raw results (days)").FillAsync("14");
            await page.GetByLabel("Hourly and daily rollups (days)").FillAsync("180");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save retention" }).ClickAsync();
            await Expect(page.GetByText("Retention saved").First).ToBeVisibleAsync();
            var policy = await fixture.App.Services.GetRequiredService<RetentionSettings>().GetAsync(CancellationToken.None);
            Assert.Equal(new RetentionPolicy(14, 180, true), policy);

            await page.GetByRole(AriaRole.Button, new() { Name = "Compact now" }).ClickAsync();
            // The result stays under the button (and is toasted too).
            var retention = page.GetByRole(AriaRole.Region, new() { Name = "Data retention and database" });
            await Expect(retention.GetByRole(AriaRole.Status).Filter(new() { HasText = "Database compacted from" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
    }

    [Fact]
    public async Task Admin_backs_up_the_database_from_settings_and_downloads_the_file()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/settings");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var backups = page.GetByRole(AriaRole.Region, new() { Name = "Backups" });
            await backups.GetByRole(AriaRole.Button, new() { Name = "Back up now" }).ClickAsync();
            await Expect(backups.GetByRole(AriaRole.Status).Filter(new() { HasText = "made (" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The link is served under the sign-in cookie: the browser saves a SQLite file.
            var download = await page.RunAndWaitForDownloadAsync(() => backups.GetByRole(AriaRole.Link).First.ClickAsync());
            var saved = await download.PathAsync();
            Assert.Matches(@"^probedashboard-\d{8}-\d{6}\.db$", download.SuggestedFilename);
            var header = new byte[16];
            await using (var file = File.OpenRead(saved)) await file.ReadExactlyAsync(header);
            Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(header));
        });
    }
}
