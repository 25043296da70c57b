using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>
/// Every role may read every stream today, so a token carrying only <c>alert_events:read</c> is made here with the
/// server's key to show that each stream and hub method checks its own permission.
/// </summary>
[Collection(RealtimeCollection.Name)]
public class RealtimePermissionTests(RealtimeAppFixture fixture)
{
    [Fact]
    public async Task A_token_without_service_monitors_read_gets_alerts_but_not_probes_or_hosts()
    {
        var token = await AlertsOnlyTokenAsync();

        foreach (var path in new[] { "/api/v1/ws/service-probe", "/api/v1/ws/host-monitor" })
        {
            var refused = await Assert.ThrowsAsync<SocketTestClient.RefusedException>(
                () => SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, path), token));
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }
        await using var alerts = await SocketTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/api/v1/ws/alert-events"), token);
        await alerts.SendAsync("""{"action":"subscribe","levels":["critical"]}""");
        await alerts.SyncAsync();

        await using var hub = await HubTestClient.ConnectAsync(new Uri(fixture.WebSocketBase, "/hubs/monitoring"), token);
        var services = await hub.InvokeAsync("SubscribeServices", new[] { 1 });
        Assert.Contains("unauthorized", services.GetProperty("error").GetString());
        await hub.CallAsync("SubscribeAlerts", (object)new[] { "critical" });
    }

    private async Task<string> AlertsOnlyTokenAsync()
    {
        var userName = $"alerts-only-{Guid.NewGuid():N}";
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, Role = UserRole.Viewer, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, DashboardFactory.UserPassword)).Succeeded);

        var claims = await TokenForge.ClaimsOfAsync(fixture.App.Services, userName);
        claims.Add(new Claim(Permissions.ClaimType, Permissions.AlertEventsRead));
        var now = DateTime.UtcNow;
        return TokenForge.Create(claims, fixture.App.Services.GetRequiredService<TokenSigningKey>().Key, now, now.AddMinutes(5));
    }
}
