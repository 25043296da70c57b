using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProbeDashboard.Core.Auth;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// An admin in a real Chromium opens Users from the navigation, creates an operator, makes it a viewer, resets its
/// password and disables it; each step lands in the database through the user service.
/// </summary>
[Trait("Category", "Browser")]
public class UsersJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_creates_changes_resets_and_disables_a_user()
    {
        var page = await fixture.NewSignedInPageAsync();
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.WaitUntilInteractiveAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("User name").FillAsync("journey-user");
            await dialog.GetByLabel("Password").FillAsync("journey-password-1");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "journey-user" });
            await Expect(row).ToContainTextAsync("Viewer (read only)");

            await row.GetByRole(AriaRole.Button, new() { Name = "Change role of journey-user" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Role" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Operator" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(row).ToContainTextAsync("Operator");
            Assert.Equal(UserRole.Operator, (await FindAsync("journey-user")).Role);

            await row.GetByRole(AriaRole.Button, new() { Name = "Reset password of journey-user" }).ClickAsync();
            await dialog.GetByLabel("New password").FillAsync("another-password-2");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await row.GetByRole(AriaRole.Button, new() { Name = "Disable journey-user" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
            await Expect(row).ToContainTextAsync("disabled");
            await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Enable journey-user" })).ToBeVisibleAsync();

            var user = await FindAsync("journey-user");
            Assert.True(user.Disabled);
            using var scope = fixture.App.Services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CheckPasswordAsync(user, "another-password-2"));
        });
    }

    private async Task<AppUser> FindAsync(string userName)
    {
        using var scope = fixture.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!;
    }
}
