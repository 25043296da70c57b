using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An admin's action in the UI is recorded under the admin's name (the circuit is the actor) and is found on the
/// audit log page with its filters.
/// </summary>
[Trait("Category", "Browser")]
public class AuditLogBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_token_created_in_the_ui_shows_in_the_audit_log_under_the_admin()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/settings");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByLabel("Token name").FillAsync("audited in ui");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            var log = page.GetByRole(AriaRole.Main);
            var row = log.GetByRole(AriaRole.Row).Filter(new() { HasText = "audited in ui" });
            await Expect(row).ToContainTextAsync("Agent token created");
            await Expect(row).ToContainTextAsync("admin");
            await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed in" }).First).ToBeVisibleAsync();

            await page.GetByLabel("Target").FillAsync("audited in ui");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed in" })).ToHaveCountAsync(0);
            await Expect(row).ToBeVisibleAsync();
        });
    }
}
