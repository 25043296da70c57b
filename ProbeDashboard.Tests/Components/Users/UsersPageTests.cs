using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Api.Accounts;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Users;

namespace ProbeDashboard.Tests.Components.Users;

/// <summary>The Users page and its dialogs over the real user service: create, change role, reset password, disable.</summary>
public class UsersPageTests(DashboardFactory app) : AppComponentTest(app), IClassFixture<DashboardFactory>
{
    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<UsersPage> Page)> OpenAsync()
    {
        await SignInAsync(UserRole.Admin, "users-page-admin");
        RenderPopovers();
        var dialogs = Ctx.Render<MudDialogProvider>();
        var page = Ctx.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Contains("users-page-admin", page.Find("table").TextContent));
        return (dialogs, page);
    }

    private async Task<AppUser?> FindAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UsersPage> page, string userName) =>
        page.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == userName);

    [Fact]
    public async Task An_admin_creates_an_operator_through_the_dialog_and_sees_it_listed()
    {
        var (dialogs, page) = await OpenAsync();

        page.Press("New user");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form#create-user-form")));
        dialogs.OnRenderer(() => dialogs.Field("User name").Input("new-operator"));
        dialogs.OnRenderer(() => dialogs.Field("Password").Input("a-long-enough-password-1"));
        var role = dialogs.FindComponent<MudSelect<UserRole>>();
        await role.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(UserRole.Operator));
        dialogs.OnRenderer(() => dialogs.Find("form#create-user-form").Submit());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("form#create-user-form")));
        page.WaitForAssertion(() => Assert.Contains("Operator", Row(page, "new-operator").TextContent));
        Assert.Equal(UserRole.Operator, (await FindAsync("new-operator"))!.Role);
    }

    [Fact]
    public async Task The_create_dialog_keeps_its_errors_on_the_fields_and_stays_open()
    {
        var (dialogs, page) = await OpenAsync();
        page.Press("New user");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form#create-user-form")));

        dialogs.OnRenderer(() => dialogs.Find("form#create-user-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll(".mud-input-helper-text").Count(e => e.TextContent.Trim() == "Required")));

        dialogs.OnRenderer(() => dialogs.Field("User name").Input("short-password-user"));
        dialogs.OnRenderer(() => dialogs.Field("Password").Input("x"));
        dialogs.OnRenderer(() => dialogs.Find("form#create-user-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Contains("Passwords must be at least", dialogs.Find(".mud-input-error").TextContent));
        Assert.Null(await FindAsync("short-password-user"));

        dialogs.OnRenderer(() => dialogs.Field("User name").Input("users-page-admin"));
        dialogs.OnRenderer(() => dialogs.Field("Password").Input("a-long-enough-password-1"));
        dialogs.OnRenderer(() => dialogs.Find("form#create-user-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Contains("This user name is taken.", dialogs.Find(".mud-input-error").TextContent));
        Assert.NotEmpty(dialogs.FindAll("form#create-user-form"));
    }

    [Fact]
    public async Task Changing_a_role_and_resetting_a_password_go_through_their_dialogs()
    {
        await App.CreateUserAsync(UserRole.Operator, "role-change-target");
        var (dialogs, page) = await OpenAsync();
        page.WaitForAssertion(() => Row(page, "role-change-target"));

        page.Press("Change role of role-change-target");
        dialogs.WaitForAssertion(() => Assert.Contains("The role of role-change-target", dialogs.Markup));
        var role = dialogs.FindComponent<MudSelect<UserRole>>();
        await role.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(UserRole.Viewer));
        dialogs.OnRenderer(() => dialogs.Find("form#change-role-form").Submit());
        page.WaitForAssertion(() => Assert.Contains("Viewer (read only)", Row(page, "role-change-target").TextContent));
        Assert.Equal(UserRole.Viewer, (await FindAsync("role-change-target"))!.Role);

        page.Press("Reset password of role-change-target");
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("form#reset-password-form")));
        dialogs.OnRenderer(() => dialogs.Field("New password").Input("y"));
        dialogs.OnRenderer(() => dialogs.Find("form#reset-password-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Contains("Passwords must be at least", dialogs.Find(".mud-input-error").TextContent));
        dialogs.OnRenderer(() => dialogs.Field("New password").Input("the-new-password-42"));
        dialogs.OnRenderer(() => dialogs.Find("form#reset-password-form").Submit());
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("form#reset-password-form")));

        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("role-change-target"))!, "the-new-password-42"));
    }

    [Fact]
    public async Task Disabling_asks_first_and_then_disables_and_enabling_needs_no_question()
    {
        await App.CreateUserAsync(UserRole.Viewer, "to-be-disabled");
        var (dialogs, page) = await OpenAsync();
        page.WaitForAssertion(() => Row(page, "to-be-disabled"));

        page.Press("Disable to-be-disabled");
        dialogs.WaitForAssertion(() => Assert.Contains("Disable to-be-disabled?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        Assert.False((await FindAsync("to-be-disabled"))!.Disabled);

        page.Press("Disable to-be-disabled");
        dialogs.WaitForAssertion(() => Assert.Contains("Disable to-be-disabled?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Disable").Click());
        page.WaitForAssertion(() => Assert.Contains("disabled", Row(page, "to-be-disabled").TextContent));
        Assert.True((await FindAsync("to-be-disabled"))!.Disabled);

        page.Press("Enable to-be-disabled");
        page.WaitForAssertion(() => Assert.Contains("enabled", Row(page, "to-be-disabled").TextContent));
        Assert.False((await FindAsync("to-be-disabled"))!.Disabled);
    }

    [Fact]
    public async Task Resetting_two_factor_sign_in_asks_first_and_is_offered_only_for_users_who_have_it_on()
    {
        var user = await App.CreateUserAsync(UserRole.Operator, "lost-phone");
        await App.CreateUserAsync(UserRole.Operator, "no-phone");
        using (var scope = App.Services.CreateScope())
        {
            var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactorService>();
            var actor = Actor.ForRole(user.Id, user.UserName!, UserRole.Operator);
            var secret = (await twoFactor.SetupAsync(actor)).Setup!.Secret;
            Assert.NotNull((await twoFactor.EnableAsync(actor, TwoFactorUsers.CodeAt(secret, DateTime.UtcNow))).RecoveryCodes);
        }
        var (dialogs, page) = await OpenAsync();
        page.WaitForAssertion(() => Assert.Contains("two-factor on", Row(page, "lost-phone").TextContent));
        Assert.DoesNotContain("two-factor on", Row(page, "no-phone").TextContent);
        Assert.Throws<InvalidOperationException>(() => page.Button("Reset two-factor sign-in of no-phone"));

        page.Press("Reset two-factor sign-in of lost-phone");
        dialogs.WaitForAssertion(() => Assert.Contains("Reset two-factor sign-in of lost-phone?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        Assert.True((await FindAsync("lost-phone"))!.TwoFactorEnabled);

        page.Press("Reset two-factor sign-in of lost-phone");
        dialogs.WaitForAssertion(() => Assert.Contains("Reset two-factor sign-in of lost-phone?", dialogs.Markup));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Reset 2FA").Click());
        page.WaitForAssertion(() => Assert.DoesNotContain("two-factor on", Row(page, "lost-phone").TextContent));
        Assert.False((await FindAsync("lost-phone"))!.TwoFactorEnabled);
        await using var audit = await App.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync();
        Assert.Single(await audit.AuditLog.Where(e => e.Action == AuditActions.TwoFactorReset && e.Target.Contains("lost-phone")).ToListAsync());
    }
}
