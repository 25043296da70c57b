using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Tests.Ui;

namespace ProbeDashboard.Tests.Api.Accounts;

/// <summary>A person's own password change, by the API and by the page's form: it ends every other session at once.</summary>
public class PasswordChangeTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private const string NewPassword = "a-brand-new-password-7";

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private async Task<DashboardSession> SignedInBrowserAsync(string userName)
    {
        var browser = new DashboardSession(factory);
        using var signedIn = await browser.SignInAsync(userName, DashboardFactory.UserPassword, Timeout());
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/", Timeout())).StatusCode);
        return browser;
    }

    [Fact]
    public async Task By_the_api_the_answer_carries_a_new_token_and_every_other_session_ends()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var caller = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        using var other = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        using var browser = await SignedInBrowserAsync(user.UserName!);
        var before = await factory.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;

        using var response = await caller.PostAsJsonAsync("/api/v1/auth/password", new { current_password = DashboardFactory.UserPassword, new_password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(2, data.GetProperty("sessions_ended").GetInt32());
        using var renewed = factory.CreateBearerClient(data.GetProperty("token").GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await caller.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/", Timeout())).StatusCode);
        await factory.RequestTokenAsync(user.UserName!, NewPassword);
        var entry = Assert.Single(await factory.WithDbAsync(db => db.AuditLog.AsNoTracking()
            .Where(e => e.Id > before && e.Action != AuditActions.TokenIssued).ToListAsync()));
        Assert.Equal(AuditActions.PasswordChange, entry.Action);
        Assert.Equal(user.UserName, entry.Actor);
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_short_new_one_is_refused_and_nothing_changes()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var caller = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));

        using var wrong = await caller.PostAsJsonAsync("/api/v1/auth/password", new { current_password = "not-my-password", new_password = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("is wrong", (await wrong.JsonAsync()).GetProperty("errors").GetProperty("current_password")[0].GetString());

        using var shortOne = await caller.PostAsJsonAsync("/api/v1/auth/password", new { current_password = DashboardFactory.UserPassword, new_password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortOne.StatusCode);
        Assert.Contains("at least 8", (await shortOne.JsonAsync()).GetProperty("errors").GetProperty("new_password")[0].GetString());

        using var empty = await caller.PostAsync("/api/v1/auth/password", ApiJson.Content(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/api/v1/auth/me")).StatusCode);
        await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/password", new { current_password = "x", new_password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task By_the_form_this_browser_stays_signed_in_and_the_others_are_out()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var browser = await SignedInBrowserAsync(user.UserName!);
        using var otherBrowser = await SignedInBrowserAsync(user.UserName!);
        using var token = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        var page = await browser.Client.GetStringAsync("/account/password", Timeout());
        Assert.Contains("action=\"account/password/change\"", page);

        using var wrong = await PostAsync(browser, "wrong-password-1", NewPassword);
        Assert.Equal("/account/password?error=current", wrong.Headers.Location!.OriginalString);
        Assert.Contains("The current password is wrong.", await browser.Client.GetStringAsync(wrong.Headers.Location, Timeout()));

        using var changed = await PostAsync(browser, DashboardFactory.UserPassword, NewPassword);

        Assert.Equal("/account/password?changed=2", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/", Timeout())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherBrowser.Client.GetAsync("/", Timeout())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(DashboardSession browser, string current, string next)
    {
        var antiforgery = await browser.FormTokenAsync("/account/password", Timeout());
        return await browser.Client.PostAsync("/account/password/change", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery, ["CurrentPassword"] = current, ["NewPassword"] = next,
        }), Timeout());
    }
}
