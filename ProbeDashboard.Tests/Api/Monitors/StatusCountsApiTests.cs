using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>GET /api/v1/service-monitors/status-counts: the overview's cards, a monitor in maintenance counted there only.</summary>
public class StatusCountsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Counts_each_monitor_once_under_its_shown_status_with_maintenance_apart()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var worked = await CreateAsync(admin, Minimal("counted-worked"));
        await CreateAsync(admin, Minimal("counted-plain"));
        var paused = await CreateAsync(admin, Minimal("counted-paused"));
        (await admin.PatchAsync($"{BasePath}/{paused}/toggle", ApiJson.Content(new Dictionary<string, object?> { ["enable"] = false }))).Dispose();
        await factory.WithDbAsync(async db =>
        {
            var monitor = await db.Monitors.FindAsync(worked);
            monitor!.Current.Status = MonitorStatus.Offline;
            await db.SaveChangesAsync();
        });
        var input = new MaintenanceWindowInput("Upgrade", null, [worked], null, "once", DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1),
            null, null, null, null, null, null, null, true);
        Assert.Equal(MaintenanceOutcome.Done, (await factory.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, input, default)).Outcome);
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        using var response = await viewer.GetAsync($"{BasePath}/status-counts");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = json.GetProperty("data");
        Assert.Equal((0, 0, 1, 1, 1, 3), (data.GetProperty("online").GetInt32(), data.GetProperty("offline").GetInt32(),
            data.GetProperty("paused").GetInt32(), data.GetProperty("unknown").GetInt32(), data.GetProperty("maintenance").GetInt32(),
            data.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task Without_sign_in_it_is_401_in_the_envelope()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync($"{BasePath}/status-counts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }
}
