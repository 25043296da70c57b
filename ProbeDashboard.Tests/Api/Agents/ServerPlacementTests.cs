using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Agents;

/// <summary>The server is a host too: execute_on/skip_hosts decide whether its own scheduler probes a monitor, live.</summary>
public sealed class ServerPlacementTests() : AppWithTargetTests(schedulerRunning: true)
{
    private Task<int> ServerResultsAsync(int monitorId, int serverId) =>
        App.WithDbAsync(db => db.ProbeResults.CountAsync(r => r.MonitorId == monitorId && r.HostId == serverId));

    private async Task<int> MonitorAsync(HttpClient admin, string name, object executeOn, int[] skip)
    {
        using var response = await admin.PostAsync("/api/v1/service-monitors", ApiJson.Content(new Dictionary<string, object?>
        {
            ["name"] = name, ["type"] = 1, ["target"] = Target.Url("/ok").ToString(), ["duration"] = 2, ["timeout"] = 1,
            ["execute_on"] = executeOn, ["skip_hosts"] = skip,
        }));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("data").GetProperty("id").GetInt32();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Moving_the_server_into_and_out_of_a_group_starts_and_stops_the_groups_monitors_here()
    {
        using var admin = await App.CreateAdminClientAsync();
        var serverId = await App.WithDbAsync(db => db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync());
        using var group = await admin.PostAsync("/api/v1/host-groups", ApiJson.Content(new { name = "edge" }));
        var groupId = (await group.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        var onGroup = await MonitorAsync(admin, "on the edge group", new { type = "group", group_id = groupId }, []);
        var skipped = await MonitorAsync(admin, "everywhere but the server", new { type = "all" }, [serverId]);
        var everywhere = await MonitorAsync(admin, "everywhere", new { type = "all" }, []);

        await EventuallyAsync(async () => await ServerResultsAsync(everywhere, serverId) >= 2, "the server probing an 'all' monitor");
        Assert.Equal(0, await ServerResultsAsync(onGroup, serverId));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/hosts/{serverId}", ApiJson.Content(new { group_id = groupId }))).StatusCode);
        await EventuallyAsync(async () => await ServerResultsAsync(onGroup, serverId) >= 2, "the server probing its group's monitor");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/hosts/{serverId}", ApiJson.Content(new { group_id = (int?)null }))).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await App.Services.GetRequiredService<ProbeDispatcher>().WaitIdleAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var afterLeaving = await ServerResultsAsync(onGroup, serverId);
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        Assert.Equal(afterLeaving, await ServerResultsAsync(onGroup, serverId));
        Assert.Equal(0, await ServerResultsAsync(skipped, serverId));
    }
}
