using System.Net;
using System.Text.RegularExpressions;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Tests.Ui;

namespace ProbeDashboard.Tests.Api.Accounts;

/// <summary>The static sign-in form's second step, as a browser without script posts it.</summary>
public partial class TwoFactorFormTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_right_password_leads_to_the_code_step_and_a_right_code_signs_in()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        using var session = new DashboardSession(factory);

        using var first = await session.SignInAsync(user.UserName, DashboardFactory.UserPassword, Timeout());
        Assert.Equal("/login?step=code&returnUrl=%2F", first.Headers.Location!.OriginalString);
        var page = await session.Client.GetStringAsync("/login?step=code&returnUrl=%2F", Timeout());
        Assert.Contains("action=\"account/login/code\"", page);
        Assert.Contains("autocomplete=\"one-time-code\"", page);
        // Static: no circuit starts before the user is known (the page may prefetch the script for the next page).
        Assert.DoesNotContain("<script src=\"_framework/blazor.web.js", page);

        using var wrong = await PostCodeAsync(session, "000000");
        Assert.Contains("error=code", wrong.Headers.Location!.OriginalString);
        using var right = await PostCodeAsync(session, user.Code());

        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/", Timeout())).StatusCode);
        var details = await factory.WithDbAsync(db => Task.FromResult(db.AuditLog.Where(e => e.Actor == user.UserName)
            .Select(e => e.Action + ":" + e.Detail).ToList()));
        Assert.Contains(AuditActions.SignInFailed + ":wrong second factor", details);
        Assert.Contains(AuditActions.SignIn + ":dashboard, with a second factor", details);
    }

    [Fact]
    public async Task A_recovery_code_works_on_the_form_too()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        using var session = new DashboardSession(factory);
        await session.SignInAsync(user.UserName, DashboardFactory.UserPassword, Timeout());

        using var right = await PostCodeAsync(session, user.RecoveryCodes[0]);

        Assert.Equal("/", right.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_code_step_without_a_right_password_first_is_refused()
    {
        var user = await TwoFactorUsers.CreateAsync(factory, factory.Clock);
        using var session = new DashboardSession(factory);
        using var wrongPassword = await session.SignInAsync(user.UserName, "not-the-password", Timeout());
        Assert.Contains("error=invalid", wrongPassword.Headers.Location!.OriginalString);

        using var code = await PostCodeAsync(session, user.Code());

        Assert.Contains("error=expired", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/", Timeout())).StatusCode);
    }

    [Fact]
    public async Task The_setup_page_shows_the_qr_code_and_turns_2fa_on_showing_the_recovery_codes()
    {
        var user = await factory.CreateUserAsync(ProbeDashboard.Core.Auth.UserRole.Viewer);
        using var session = new DashboardSession(factory);
        await session.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());

        var page = await session.Client.GetStringAsync("/account/two-factor", Timeout());
        Assert.Contains("<svg", page);
        var secret = SecretPattern().Match(page).Groups[1].Value;
        Assert.Equal(secret, SecretPattern().Match(await session.Client.GetStringAsync("/account/two-factor", Timeout())).Groups[1].Value);

        var done = await PostSetupAsync(session, TwoFactorUsers.CodeAt(secret, factory.Clock.GetUtcNow().UtcDateTime));

        Assert.Equal(10, RecoveryPattern().Matches(done).Count);
        Assert.Contains("Recovery codes left: 10", await session.Client.GetStringAsync("/account/two-factor", Timeout()));
    }

    internal static async Task<HttpResponseMessage> PostCodeAsync(DashboardSession session, string code)
    {
        var token = await session.FormTokenAsync("/login?step=code", Timeout());
        return await session.Client.PostAsync("/account/login/code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Code"] = code, ["ReturnUrl"] = "/",
        }), Timeout());
    }

    internal static async Task<string> PostSetupAsync(DashboardSession session, string code)
    {
        var token = await session.FormTokenAsync("/account/two-factor", Timeout());
        using var response = await session.Client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "enable-two-factor", ["Code"] = code,
        }), Timeout());
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return html;
    }

    [GeneratedRegex("<code>([A-Z2-7]{32})</code>")]
    internal static partial Regex SecretPattern();

    [GeneratedRegex("<li><code>[0-9a-z]{5}-[0-9a-z]{5}</code></li>")]
    private static partial Regex RecoveryPattern();
}
