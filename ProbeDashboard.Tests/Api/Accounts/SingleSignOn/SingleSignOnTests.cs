using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts.SingleSignOn;

/// <summary>
/// Single sign-on end to end: the app's real OpenID Connect handler against the test provider on 127.0.0.1
/// (discovery, JWKS, code + PKCE), through a cookie-keeping client that follows every redirect.
/// </summary>
public class SingleSignOnTests(SingleSignOnFixture fixture) : IClassFixture<SingleSignOnFixture>
{
    private DashboardFactory Factory => fixture.Factory;
    private OidcTestProvider Provider => fixture.Provider;
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private OidcTestUser NewUser(string name, params string[] groups) => new($"sub-{Guid.NewGuid():N}", name, groups);

    [Fact]
    public async Task The_first_sign_in_creates_the_user_with_the_mapped_role_linked_by_issuer_and_subject()
    {
        Provider.Fault = IdTokenFault.None;
        var idpUser = Provider.User = NewUser($"carol{Guid.NewGuid():N}"[..12], "ops");
        var exchangesBefore = Provider.VerifiedCodeExchanges;
        using var browser = new SingleSignOnBrowser(Factory, Provider);

        using var page = await browser.SignInAsync(Timeout());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/", browser.LastPath);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/authorize");
        Assert.Equal(exchangesBefore + 1, Provider.VerifiedCodeExchanges);
        var user = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == idpUser.UserName));
        Assert.Equal(UserRole.Operator, user.Role);
        Assert.Null(user.PasswordHash);
        var link = await Factory.WithDbAsync(db => db.UserLogins.SingleAsync(l => l.UserId == user.Id));
        Assert.Equal((ExternalSignInService.LoginProvider(Provider.Issuer), idpUser.Subject), (link.LoginProvider, link.ProviderKey));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == user.Id && s.Kind == SessionKind.Browser)));
        var audit = await AuditOfAsync(user.UserName!);
        Assert.Contains(AuditActions.UserCreate + ":created at the first sign-in with Test IdP, role operator", audit);
        Assert.Contains(AuditActions.SignIn + ":dashboard, single sign-on with Test IdP", audit);
    }

    [Fact]
    public async Task The_role_is_mapped_again_at_every_sign_in_and_the_same_account_is_used()
    {
        Provider.Fault = IdTokenFault.None;
        var idpUser = Provider.User = NewUser($"dave{Guid.NewGuid():N}"[..12], "viewers");
        using (var first = new SingleSignOnBrowser(Factory, Provider)) (await first.SignInAsync(Timeout())).Dispose();

        Provider.User = idpUser with { Groups = ["viewers", "admins"] };
        using var second = new SingleSignOnBrowser(Factory, Provider);
        using var page = await second.SignInAsync(Timeout());

        Assert.Equal("/", second.LastPath);
        var users = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName!.StartsWith(idpUser.UserName)).ToListAsync());
        Assert.Equal(UserRole.Admin, Assert.Single(users).Role);
        Assert.Contains(AuditActions.UserChange + ":role set to admin (was viewer) by Test IdP", await AuditOfAsync(idpUser.UserName));
    }

    [Fact]
    public async Task A_user_whose_groups_map_to_no_role_is_refused_with_a_clear_page_and_no_account()
    {
        Provider.Fault = IdTokenFault.None;
        var idpUser = Provider.User = NewUser($"erin{Guid.NewGuid():N}"[..12], "marketing");
        using var browser = new SingleSignOnBrowser(Factory, Provider);

        using var page = await browser.SignInAsync(Timeout());

        Assert.Equal("/login?error=sso-role", browser.LastPath);
        Assert.Contains("has no role in ProbeDashboard", await page.Content.ReadAsStringAsync());
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == idpUser.UserName)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.GetAsync("/", Timeout())).StatusCode);
        var refused = await Factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.SignInFailed && e.Target.Contains(idpUser.Subject)).ToListAsync());
        Assert.Equal("Test IdP: no role claim value maps to a role", Assert.Single(refused).Detail);
    }

    [Theory]
    [InlineData(IdTokenFault.BadSignature, "Signature validation failed")]
    [InlineData(IdTokenFault.WrongAudience, "Audience validation failed")]
    [InlineData(IdTokenFault.Expired, "Lifetime validation failed")]
    public async Task An_id_token_that_fails_validation_is_refused_and_no_one_is_signed_in(IdTokenFault fault, string why)
    {
        var before = await Factory.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
        var idpUser = Provider.User = NewUser($"mallory{Guid.NewGuid():N}"[..14], "admins");
        Provider.Fault = fault;
        try
        {
            using var browser = new SingleSignOnBrowser(Factory, Provider);
            using var page = await browser.SignInAsync(Timeout());

            Assert.Equal("/login?error=sso-failed", browser.LastPath);
            Assert.Contains("Single sign-on did not succeed", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await browser.App.GetAsync("/", Timeout())).StatusCode);
            Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == idpUser.UserName)));
            var refused = await Factory.WithDbAsync(db => db.AuditLog.Where(e => e.Id > before && e.Action == AuditActions.SignInFailed && e.Target.StartsWith("single sign-on")).ToListAsync());
            Assert.Contains(why, Assert.Single(refused).Detail);
        }
        finally
        {
            Provider.Fault = IdTokenFault.None;
        }
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_through_the_provider()
    {
        Provider.Fault = IdTokenFault.None;
        var idpUser = Provider.User = NewUser($"frank{Guid.NewGuid():N}"[..12], "ops");
        using (var first = new SingleSignOnBrowser(Factory, Provider)) (await first.SignInAsync(Timeout())).Dispose();
        await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == idpUser.UserName).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true)));

        using var browser = new SingleSignOnBrowser(Factory, Provider);
        using var page = await browser.SignInAsync(Timeout());

        Assert.Equal("/login?error=sso-disabled", browser.LastPath);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.GetAsync("/", Timeout())).StatusCode);
    }

    [Fact]
    public async Task A_local_account_of_the_same_name_is_not_taken_over()
    {
        Provider.Fault = IdTokenFault.None;
        var local = await Factory.CreateUserAsync(UserRole.Viewer, $"grace{Guid.NewGuid():N}"[..12]);
        Provider.User = NewUser(local.UserName!, "admins");
        using var browser = new SingleSignOnBrowser(Factory, Provider);

        using var page = await browser.SignInAsync(Timeout());

        Assert.Equal("/", browser.LastPath);
        var created = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == local.UserName + "-sso"));
        Assert.Equal(UserRole.Admin, created.Role);
        var untouched = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == local.Id));
        Assert.Equal(UserRole.Viewer, untouched.Role);
        Assert.False(await Factory.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == local.Id)));
    }

    [Fact]
    public async Task The_single_sign_on_session_is_listed_and_ending_it_signs_the_browser_out()
    {
        Provider.Fault = IdTokenFault.None;
        var idpUser = Provider.User = NewUser($"heidi{Guid.NewGuid():N}"[..12], "viewers");
        using var browser = new SingleSignOnBrowser(Factory, Provider);
        (await browser.SignInAsync(Timeout())).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await browser.App.GetAsync("/", Timeout())).StatusCode);

        var user = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == idpUser.UserName));
        var sessions = Factory.Services.GetRequiredService<SessionService>();
        var actor = Actor.ForRole(user.Id, user.UserName!, user.Role);
        var listed = Assert.Single(await sessions.ListAsync(actor, null, Timeout()));
        Assert.True(await sessions.EndAsync(actor, listed.Id, Timeout()));

        using var after = await browser.App.GetAsync("/", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", new Uri(Factory.Server.BaseAddress, after.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Require2fa_does_not_send_a_single_sign_on_user_to_our_totp_setup()
    {
        Provider.Fault = IdTokenFault.None;
        Provider.User = NewUser($"judy{Guid.NewGuid():N}"[..12], "ops");
        using var browser = new SingleSignOnBrowser(Factory, Provider);
        (await browser.SignInAsync(Timeout())).Dispose();

        using var page = await browser.App.GetAsync("/monitors", Timeout());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(browser.Visited, u => u.AbsolutePath == "/account/two-factor");
        // The same server does send a password user without 2FA there (so the setting is really on).
        var local = await Factory.CreateUserAsync(UserRole.Viewer);
        using var session = new ProbeDashboard.Tests.Ui.DashboardSession(Factory);
        using var signedIn = await session.SignInAsync(local.UserName!, DashboardFactory.UserPassword, Timeout());
        Assert.Equal("/account/two-factor", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_the_password_form()
    {
        using var client = Factory.CreateClient();
        var html = await client.GetStringAsync("/login", Timeout());

        Assert.Contains("href=\"account/login/oidc?returnUrl=%2F\"", html);
        Assert.Contains("Sign in with Test IdP", html);
        Assert.Contains("action=\"account/login\"", html);
        Assert.DoesNotContain("break-glass", html);
    }

    private Task<List<string>> AuditOfAsync(string userName) => Factory.WithDbAsync(db =>
        db.AuditLog.Where(e => e.Target.Contains(userName)).Select(e => e.Action + ":" + e.Detail).ToListAsync());
}
