using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Tests.Ui;

namespace ProbeDashboard.Tests.Api.Accounts.SingleSignOn;

/// <summary>Auth:LocalSignIn BreakGlassOnly: passwords work for the break-glass admin alone; the rest use single sign-on.</summary>
public class BreakGlassSignInTests(BreakGlassFixture fixture) : IClassFixture<BreakGlassFixture>
{
    private DashboardFactory Factory => fixture.Factory;
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task The_token_endpoint_refuses_everyone_but_the_break_glass_user_with_a_clear_message()
    {
        var user = await Factory.CreateUserAsync(UserRole.Admin);
        using var client = Factory.CreateClient();

        using var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user.UserName, password = DashboardFactory.UserPassword }, Timeout());
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Timeout())).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(403, body.GetProperty("code").GetInt32());
        Assert.Contains("password sign-in is switched off", body.GetProperty("message").GetString());
        Assert.Contains("API key", body.GetProperty("message").GetString());
        Assert.NotEmpty(await Factory.RequestTokenAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword));
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.TokenRefused
            && e.Target == $"user {user.UserName}" && e.Detail == "local sign-in is off (break-glass user only)")));
    }

    [Fact]
    public async Task A_wrong_password_of_someone_else_does_not_count_towards_their_lockout()
    {
        var user = await Factory.CreateUserAsync(UserRole.Viewer);
        using var client = Factory.CreateClient();
        for (var i = 0; i < 6; i++)
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user.UserName, password = "wrong" }, Timeout())).Dispose();

        var stored = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.Null(stored.LockoutEnd);
    }

    [Fact]
    public async Task The_password_form_refuses_others_and_lets_the_break_glass_user_in()
    {
        var user = await Factory.CreateUserAsync(UserRole.Operator);
        using var other = new DashboardSession(Factory);
        using var refused = await other.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());
        Assert.Contains("error=local-off", refused.Headers.Location!.OriginalString);
        Assert.Contains("Password sign-in is switched off on this server", await other.Client.GetStringAsync(refused.Headers.Location, Timeout()));
        Assert.Equal(HttpStatusCode.Redirect, (await other.Client.GetAsync("/", Timeout())).StatusCode);

        using var admin = new DashboardSession(Factory);
        using var signedIn = await admin.SignInAsync(DashboardFactory.AdminUser.ToUpperInvariant(), DashboardFactory.AdminPassword, Timeout());
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/", Timeout())).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_says_passwords_are_for_the_break_glass_admin()
    {
        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync("/login", Timeout());

        Assert.Contains("Sign in with Test IdP", html);
        Assert.Contains("kept for the break-glass administrator only", html);
    }

    [Fact]
    public async Task The_users_list_says_who_signs_in_with_the_provider_and_who_has_two_factor_on()
    {
        var linked = await Factory.CreateUserAsync(UserRole.Operator);
        var local = await Factory.CreateUserAsync(UserRole.Viewer);
        using (var scope = Factory.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await accounts.AddLoginAsync((await accounts.FindByIdAsync(linked.Id.ToString()))!,
                new UserLoginInfo(ExternalSignInService.LoginProvider(fixture.Provider.Issuer), $"sub-{linked.Id}", "Test IdP"));
            await accounts.SetTwoFactorEnabledAsync((await accounts.FindByIdAsync(local.Id.ToString()))!, true);
        }
        using var admin = await Factory.CreateAdminClientAsync();

        var users = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/users", Timeout())).RootElement.GetProperty("data")
            .EnumerateArray().ToDictionary(u => u.GetProperty("username").GetString()!);

        Assert.True(users[linked.UserName!].GetProperty("single_sign_on").GetBoolean());
        Assert.False(users[linked.UserName!].GetProperty("two_factor_enabled").GetBoolean());
        Assert.False(users[local.UserName!].GetProperty("single_sign_on").GetBoolean());
        Assert.True(users[local.UserName!].GetProperty("two_factor_enabled").GetBoolean());
        var one = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/users/{linked.Id}", Timeout())).RootElement.GetProperty("data");
        Assert.True(one.GetProperty("single_sign_on").GetBoolean());
        using var toggled = await admin.PatchAsJsonAsync($"/api/v1/users/{linked.Id}/toggle", new { enable = true }, Timeout());
        Assert.True(JsonDocument.Parse(await toggled.Content.ReadAsStringAsync(Timeout())).RootElement.GetProperty("data").GetProperty("single_sign_on").GetBoolean());
    }

    [Fact]
    public async Task A_linked_account_signs_in_through_the_provider_without_automatic_accounts()
    {
        var linked = await Factory.CreateUserAsync(UserRole.Viewer);
        var subject = $"sub-pre-{linked.Id}";
        using (var scope = Factory.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await accounts.AddLoginAsync((await accounts.FindByIdAsync(linked.Id.ToString()))!,
                new UserLoginInfo(ExternalSignInService.LoginProvider(fixture.Provider.Issuer), subject, "Test IdP"));
        }
        fixture.Provider.User = new OidcTestUser(subject, "whatever-name", ["ops"]);
        using var browser = new SingleSignOnBrowser(Factory, fixture.Provider);

        using var page = await browser.SignInAsync(Timeout());

        Assert.Equal("/", browser.LastPath);
        Assert.Equal(UserRole.Operator, (await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == linked.Id))).Role);
    }

    [Fact]
    public async Task Without_automatic_accounts_an_unknown_provider_user_is_refused_with_a_clear_page()
    {
        fixture.Provider.User = new OidcTestUser($"sub-{Guid.NewGuid():N}", "ivan", ["admins"]);
        using var browser = new SingleSignOnBrowser(Factory, fixture.Provider);

        using var page = await browser.SignInAsync(Timeout());

        Assert.Equal("/login?error=sso-no-account", browser.LastPath);
        Assert.Contains("There is no ProbeDashboard account for you yet", await page.Content.ReadAsStringAsync(Timeout()));
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "ivan")));
    }
}
