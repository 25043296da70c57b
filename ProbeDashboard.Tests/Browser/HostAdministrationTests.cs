using ProbeDashboard.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An admin in a real Chromium: manages host groups on the Hosts page (an in-use group is refused with a
/// notification) and creates an agent token in Settings that is shown once, then revokes it.
/// </summary>
[Trait("Category", "Browser")]
public class HostAdministrationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_manages_host_groups_and_agent_tokens()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/hosts");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByRole(AriaRole.Form, new() { Name = "Create group" }).GetByLabel("Group name").FillAsync("edge");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "edge" });
            await Expect(row).ToBeVisibleAsync();

            await row.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
            // While renaming, the name is in a text box, so the row is found through the section's table body.
            var groupRows = page.GetByRole(AriaRole.Region, new() { Name = "Host groups" }).Locator("tbody");
            await groupRows.GetByLabel("Group name").FillAsync("edge-eu");
            await groupRows.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "edge-eu" });
            await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToBeVisibleAsync();

            var groupId = await GroupIdAsync("edge-eu");
            await fixture.App.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, new MonitorInput
            {
                Name = "runs on edge", Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60,
                ExecuteOn = new ExecuteOnInput("group", groupId, []),
            }, "test", CancellationToken.None);
            await row.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Expect(page.GetByText("is not deleted").First).ToBeVisibleAsync();
            await Expect(row).ToBeVisibleAsync();

            await page.GotoAsync("/settings");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByLabel("Token name").FillAsync("eu agents");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
            var secret = page.Locator("code.token-secret");
            await Expect(secret).ToContainTextAsync("pdt_");
            var shown = await secret.InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
            await Expect(secret).ToBeHiddenAsync();
            await page.ReloadAsync();
            Assert.DoesNotContain(shown, await page.ContentAsync());

            var tokenRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "eu agents" });
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await tokenRow.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Expect(tokenRow.GetByText("revoked")).ToBeVisibleAsync();
        });
    }

    private async Task<int> GroupIdAsync(string name)
    {
        var dbFactory = fixture.App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.HostGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }
}
