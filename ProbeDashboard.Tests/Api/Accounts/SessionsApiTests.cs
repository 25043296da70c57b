using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Tests.Ui;

namespace ProbeDashboard.Tests.Api.Accounts;

/// <summary>/api/v1/auth/sessions: a person's signed-in browsers and tokens, listed and ended; ended ones stop at once.</summary>
public class SessionsApiTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private const string SessionsPath = "/api/v1/auth/sessions";

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private async Task<HttpClient> TokenClientAsync(string userName, string userAgent)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = DashboardFactory.UserPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.CreateBearerClient((await response.JsonAsync()).GetProperty("data").GetProperty("access_token").GetString()!);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync(SessionsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("data").EnumerateArray()];
    }

    [Fact]
    public async Task A_user_sees_their_browsers_and_tokens_with_device_and_which_one_is_asking()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var browser = new DashboardSession(factory);
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        using var signedIn = await browser.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());
        using var token = await TokenClientAsync(user.UserName!, "deploy-script/1.0");
        await factory.CreateUserAsync(UserRole.Viewer);

        var sessions = await ListAsync(token);

        Assert.Equal(2, sessions.Count);
        var own = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("api_token", own.GetProperty("kind").GetString());
        Assert.Equal("deploy-script/1.0", own.GetProperty("device").GetString());
        Assert.NotEqual(JsonValueKind.Null, own.GetProperty("expires_at").ValueKind);
        var other = Assert.Single(sessions, s => !s.GetProperty("current").GetBoolean());
        Assert.Equal("browser", other.GetProperty("kind").GetString());
        Assert.Contains("Firefox", other.GetProperty("device").GetString());
    }

    [Fact]
    public async Task Ending_a_browser_session_signs_that_browser_out_at_once_and_is_audited_once()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var browser = new DashboardSession(factory);
        using var signedIn = await browser.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/", Timeout())).StatusCode);
        using var token = await TokenClientAsync(user.UserName!, "cli");
        var id = (await ListAsync(token)).Single(s => s.GetProperty("kind").GetString() == "browser").GetProperty("id").GetInt32();
        var before = await factory.WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;

        using var ended = await token.DeleteAsync($"{SessionsPath}/{id}");

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        using var page = await browser.Client.GetAsync("/", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.AbsolutePath);
        var entry = Assert.Single(await factory.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.Id > before).ToListAsync()));
        Assert.Equal(AuditActions.SessionEnd, entry.Action);
        Assert.Equal(user.UserName, entry.Actor);
        Assert.Equal(HttpStatusCode.NotFound, (await token.DeleteAsync($"{SessionsPath}/{id}")).StatusCode);
        Assert.Single(await ListAsync(token));
    }

    [Fact]
    public async Task An_ended_token_is_refused_with_a_reason_and_someone_else_s_session_is_not_found()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var first = await TokenClientAsync(user.UserName!, "first");
        using var second = await TokenClientAsync(user.UserName!, "second");
        using var stranger = await factory.CreateClientAsync(UserRole.Admin);
        var secondId = (await ListAsync(second)).Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"{SessionsPath}/{secondId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.DeleteAsync($"{SessionsPath}/{secondId}")).StatusCode);

        using var refused = await second.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("session was ended", (await refused.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Ending_the_others_keeps_the_one_asking()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var keep = await TokenClientAsync(user.UserName!, "keep");
        using var other = await TokenClientAsync(user.UserName!, "other");
        using var browser = new DashboardSession(factory);
        using var signedIn = await browser.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());

        using var response = await keep.PostAsync($"{SessionsPath}/end-others", null);

        Assert.Equal(2, (await response.JsonAsync()).GetProperty("data").GetProperty("ended").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/", Timeout())).StatusCode);
        Assert.Equal("keep", Assert.Single(await ListAsync(keep)).GetProperty("device").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_browser_s_session()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var browser = new DashboardSession(factory);
        using var signedIn = await browser.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());
        using var token = await TokenClientAsync(user.UserName!, "watcher");
        Assert.Equal(2, (await ListAsync(token)).Count);

        var antiforgery = await browser.FormTokenAsync("/", Timeout());
        using var signOut = await browser.Client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }), Timeout());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("api_token", Assert.Single(await ListAsync(token)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Sessions_need_a_person_s_own_sign_in()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(SessionsPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{SessionsPath}/end-others", null)).StatusCode);

        using var owner = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await owner.PostAsync("/api/v1/api-keys", ApiJson.Content(new { name = "automation", scopes = new[] { "service_monitors:read" } }));
        using var keyClient = factory.CreateBearerClient((await created.JsonAsync()).GetProperty("data").GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyClient.GetAsync(SessionsPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyClient.DeleteAsync($"{SessionsPath}/1")).StatusCode);
    }
}
