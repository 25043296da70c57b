using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// The monitors grid fits a 1280 px screen with the menu open, in both languages and themes: a row's last action (delete)
/// is inside the grid, not past its edge behind a sideways scroll. English headers are the wider ones.
/// </summary>
[Trait("Category", "Browser")]
public class MonitorGridFitBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_rows_last_action_is_inside_the_grid_at_1280_px_in_both_languages_and_themes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var target = await LocalTarget.StartAsync(cts.Token);
        var page = await fixture.NewSignedInPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/monitors");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add monitor" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("Shop front");
            await dialog.GetByLabel("Target").FillAsync(target.Url);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var directory = Path.Combine(FailureArtifacts.Directory, "screens");
            Directory.CreateDirectory(directory);
            foreach (var (theme, culture) in new[] { ("light", "en"), ("dark", "en"), ("light", "zh-Hans"), ("dark", "zh-Hans") })
            {
                await page.Context.AddCookiesAsync(
                [
                    new Cookie { Name = "pd-theme", Value = theme, Url = fixture.App.BaseUrl },
                    new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.App.BaseUrl },
                ]);
                await page.ReloadAsync();
                await BrowserFixture.WaitUntilInteractiveAsync(page);
                var lastAction = page.Locator("tbody .row-actions button").Last;
                await Expect(lastAction).ToBeVisibleAsync();
                var grid = (await page.Locator(".monitor-grid .mud-table-container").BoundingBoxAsync())!;
                var action = (await lastAction.BoundingBoxAsync())!;
                await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"monitors-1280-{theme}-{culture}.png") });
                Assert.True(action.X + action.Width <= grid.X + grid.Width,
                    $"{culture}: the last action ends at {action.X + action.Width} px, past the grid's edge at {grid.X + grid.Width} px");
            }
        });
    }
}
