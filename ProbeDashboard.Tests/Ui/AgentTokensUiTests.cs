using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.AgentWire;

namespace ProbeDashboard.Tests.Ui;

/// <summary>Agent tokens in Settings: admins see them (never their secret), everyone else sees no such section.</summary>
public class AgentTokensUiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task An_admin_sees_tokens_with_prefix_and_state_but_never_the_secret()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (_, secret) = await CreateTokenAsync(admin, "rack-7 agents");
        var (revokedId, _) = await CreateTokenAsync(admin, "retired agents");
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/agent-tokens/{revokedId}")).StatusCode);

        using var session = new DashboardSession(factory);
        await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/settings", Timeout()));

        Assert.Contains("Agent tokens", html);
        Assert.Contains(">Create token<", html);
        Assert.Contains("rack-7 agents", html);
        Assert.Contains(secret[..10] + "…", html);
        Assert.DoesNotContain(secret, html);
        Assert.Matches(@"(?s)retired agents</th>(?:(?!</tr>).)*revoked", html);
        Assert.Matches(@"(?s)rack-7 agents</th>(?:(?!</tr>).)*>Revoke<", html);
    }

    [Fact]
    public async Task An_operator_sees_no_tokens_and_the_server_refuses_an_operator_token()
    {
        using var admin = await factory.CreateAdminClientAsync();
        await CreateTokenAsync(admin, "hidden-from-operators");
        await factory.CreateUserAsync(UserRole.Operator, "token-operator");

        using var session = new DashboardSession(factory);
        await session.SignInAsync("token-operator", DashboardFactory.UserPassword, Timeout());
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/settings", Timeout()));
        Assert.DoesNotContain("Agent tokens", html);
        Assert.DoesNotContain("hidden-from-operators", html);

        using var operatorApi = await factory.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorApi.PostAsync("/api/v1/agent-tokens", ApiJson.Content(new { name = "sneaky" }))).StatusCode);
    }
}
