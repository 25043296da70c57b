using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Probing;
using Quartz;
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

    /// <summary>Waits until a result of the monitor probed after <paramref name="moment"/> is stored.</summary>
    private Task StoredAfterAsync(int monitorId, int hostId, DateTime moment) => EventuallyAsync(
        () => App.WithDbAsync(db => db.ProbeResults.AnyAsync(r => r.MonitorId == monitorId && r.HostId == hostId && r.Timestamp > moment)),
        $"a result of monitor {monitorId} probed after {moment:O}");

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
        var scheduler = await App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(ProbeJobKeys.Trigger(onGroup, serverId)));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/hosts/{serverId}", ApiJson.Content(new { group_id = (int?)null }))).StatusCode);
        // The signal that the server stopped: its scheduler no longer holds the group monitor's trigger here, and no
        // round of it is running. Its last result may still sit in the single writer's queue, ahead of anything
        // probed later: once a later probe of the 'all' monitor is stored, the count is final.
        await EventuallyAsync(async () => !await scheduler.Exists(ProbeJobKeys.Trigger(onGroup, serverId)), "the server to drop the group's monitor");
        await App.Services.GetRequiredService<ProbeDispatcher>().WaitIdleAsync(CancellationToken.None);
        await StoredAfterAsync(everywhere, serverId, DateTime.UtcNow);
        var afterLeaving = await ServerResultsAsync(onGroup, serverId);
        // Rather than sleeping and hoping: the 'all' monitor's next rounds prove the scheduler kept running meanwhile.
        await StoredAfterAsync(everywhere, serverId, DateTime.UtcNow.AddSeconds(2));
        Assert.False(await scheduler.Exists(ProbeJobKeys.Trigger(onGroup, serverId)));
        Assert.Equal(afterLeaving, await ServerResultsAsync(onGroup, serverId));
        Assert.Equal(0, await ServerResultsAsync(skipped, serverId));
    }
}
