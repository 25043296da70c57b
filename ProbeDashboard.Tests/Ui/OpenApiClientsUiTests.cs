using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.OpenApi;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>Open-API clients in Settings: admins see api_id, partner flag and state (never the key); others see nothing.</summary>
public class OpenApiClientsUiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task An_admin_sees_clients_but_never_their_key_and_an_operator_sees_no_section()
    {
        var client = await OpenApiAppFixture.CreateClientAsync(factory, partner: true, name: "partner-ui@example.com");
        await factory.CreateUserAsync(UserRole.Operator, "openapi-ui-operator");

        using (var session = new DashboardSession(factory))
        {
            await session.SignInAsync("admin", DashboardFactory.AdminPassword, Timeout());
            var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/settings", Timeout()));
            Assert.Contains("Open API clients", html);
            Assert.Contains(">Create client<", html);
            Assert.Matches(@"(?s)partner-ui@example.com</th>(?:(?!</tr>).)*" + client.ApiId + @"(?:(?!</tr>).)*Yes(?:(?!</tr>).)*>Revoke<", html);
            Assert.DoesNotContain("api_key <code", html);
        }

        using var operatorSession = new DashboardSession(factory);
        await operatorSession.SignInAsync("openapi-ui-operator", DashboardFactory.UserPassword, Timeout());
        var operatorHtml = WebUtility.HtmlDecode(await operatorSession.Client.GetStringAsync("/settings", Timeout()));
        Assert.DoesNotContain("Open API clients", operatorHtml);
        Assert.DoesNotContain(client.ApiId, operatorHtml);
    }
}
