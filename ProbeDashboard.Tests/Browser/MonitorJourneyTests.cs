using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An operator's whole day with one monitor, in a real Chromium against the real app: create it in the dialog
/// (field errors first), watch it go online and offline live without reloading, edit, pause and resume, read its
/// detail page, delete it; then switch language and theme and find both remembered.
/// </summary>
[Trait("Category", "Browser")]
public class MonitorJourneyTests : IClassFixture<BrowserFixture>
{
    /// <summary>Two probe intervals of 2 s, plus the throttle and a margin for a busy 2-core machine.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions WithinTwoIntervals = new() { Timeout = 10_000 };

    private readonly BrowserFixture _fixture;

    public MonitorJourneyTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Operator_creates_watches_edits_pauses_inspects_and_deletes_a_monitor()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var target = await LocalTarget.StartAsync(cts.Token);
        var page = await _fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No monitors yet" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Add monitor" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("Name").FillAsync("Shop front");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog.GetByText("is required").First).ToBeVisibleAsync();

            await dialog.GetByLabel("Target").FillAsync(target.Url);
            await dialog.GetByLabel("Interval (seconds)").FillAsync("2");
            await dialog.GetByLabel("Timeout (seconds)").FillAsync("1");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Shop front" });
            await Expect(row.GetByText("Online")).ToBeVisibleAsync(WithinTwoIntervals);
            // The heartbeat bar is one image whose label counts the rounds, and it fills live.
            await Expect(row.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Last 50 rounds: [1-9]\d* up, 0 down") }))
                .ToBeVisibleAsync(WithinTwoIntervals);

            await target.StopAsync(cts.Token);
            await Expect(row.GetByText("Offline")).ToBeVisibleAsync(WithinTwoIntervals);
            await Expect(row.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Last 50 rounds: \d+ up, [1-9]\d* down") }))
                .ToBeVisibleAsync(WithinTwoIntervals);

            await row.GetByRole(AriaRole.Button, new() { Name = "Edit Shop front" }).ClickAsync();
            await dialog.GetByLabel("Name").FillAsync("Shop front page");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Shop front page" });
            await Expect(row).ToBeVisibleAsync();

            // The switch's input is visually hidden; a person clicks the drawn switch around it.
            var enabled = row.GetByRole(AriaRole.Switch, new() { Name = "Enable Shop front page" }).Locator("..");
            await enabled.ClickAsync();
            await Expect(row.GetByText("Paused")).ToBeVisibleAsync();
            await enabled.ClickAsync();
            await Expect(row.GetByText("Paused")).ToBeHiddenAsync();

            await row.GetByRole(AriaRole.Link, new() { Name = "Shop front page" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shop front page", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "Latency" }).Locator("svg").First).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Last 100 rounds: \d+ up, [1-9]\d* down") })).ToBeVisibleAsync();
            await Expect(page.GetByText("Uptime 30 d")).ToBeVisibleAsync();
            var history = page.GetByRole(AriaRole.Region, new() { Name = "Probe history" });
            await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "connection refused" }).First).ToBeVisibleAsync();
            await Expect(history.GetByRole(AriaRole.Row).Filter(new() { HasText = "OK · 200" }).First).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No monitors yet" })).ToBeVisibleAsync();
        });
    }

    // The page background of DashboardTheme's light and dark palettes.
    private const string LightBackground = "rgb(246, 248, 250)", DarkBackground = "rgb(13, 17, 23)";

    [Fact]
    public async Task Language_and_theme_switches_are_remembered_by_the_browser()
    {
        var page = await _fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", LightBackground);
            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
            await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);

            await page.GetByRole(AriaRole.Button, new() { Name = "Language" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "简体中文" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "总览" })).ToBeVisibleAsync();

            await page.ReloadAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "监控", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "切换到浅色主题" })).ToBeVisibleAsync();
            await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", DarkBackground);
        });
    }
}
