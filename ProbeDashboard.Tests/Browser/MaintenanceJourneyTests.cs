using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>An operator plans a maintenance window in the UI; it shows as running on its page and on the overview.</summary>
[Trait("Category", "Browser")]
public class MaintenanceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_window_planned_in_the_ui_runs_now_and_the_overview_says_so()
    {
        var name = $"maint-{Guid.NewGuid():N}"[..14];
        await fixture.App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
        {
            Name = name, Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
        }, "test", CancellationToken.None);
        var now = DateTime.UtcNow;
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Maintenance" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "New maintenance window" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync("Journey upgrade");
            await page.GetByLabel("Start (UTC)").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"));
            await page.GetByLabel("End (UTC)").FillAsync(now.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Monitors" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = name }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Journey upgrade" });
            await Expect(row).ToContainTextAsync("In maintenance");
            await Expect(row).ToContainTextAsync("1 monitors, 0 host groups");

            await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Maintenance" })).ToContainTextAsync("In maintenance: Journey upgrade");
        });
    }
}
