using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Monitors;

/// <summary>The heartbeat bars' query: the last N rounds of a page of monitors, judged as the result writer judges rounds.</summary>
public class HeartbeatQueryTests
{
    private const int Interval = 30;

    [Fact]
    public async Task Rounds_come_oldest_first_judged_by_the_quorum_rule_with_slow_ones_apart_and_capped_to_the_count()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var other = await AddHostAsync(core, "probe-b");
        var strict = await core.AddMonitorAsync(Monitor("strict", failQuorum: 1, maxLatency: 0.5));
        var lenient = await core.AddMonitorAsync(Monitor("lenient", failQuorum: null, maxLatency: null));
        // Four rounds, newest last: both hosts fine, one host failing, both failing, both fine but slow.
        foreach (var monitor in new[] { strict, lenient })
        {
            // Each round's results sit on the monitor's own fire time, as the scheduler puts them: a round placed at an
            // arbitrary clock instant could straddle the boundary between two rounds and be split.
            var now = LastFireTime(monitor, DateTime.UtcNow);
            await AddRoundAsync(core, monitor.Id, now.AddSeconds(-3 * Interval), (core.ServerHostId, true, 100), (other, true, 120));
            await AddRoundAsync(core, monitor.Id, now.AddSeconds(-2 * Interval), (core.ServerHostId, true, 100), (other, false, 0));
            await AddRoundAsync(core, monitor.Id, now.AddSeconds(-1 * Interval), (core.ServerHostId, false, 0), (other, false, 0));
            await AddRoundAsync(core, monitor.Id, now, (core.ServerHostId, true, 900), (other, true, 700));
        }

        var bars = await core.Get<MonitorQueries>().GetHeartbeatsAsync(TestActors.Viewer, [strict.Id, lenient.Id], 3, CancellationToken.None);

        Assert.Equal([HeartbeatState.Down, HeartbeatState.Down, HeartbeatState.Slow], bars[strict.Id].Select(r => r.State));
        Assert.Equal([HeartbeatState.Up, HeartbeatState.Down, HeartbeatState.Up], bars[lenient.Id].Select(r => r.State));
        var mixed = bars[strict.Id][0];
        Assert.Equal(100, mixed.LatencyMs);
        Assert.Equal([("probe-b", false, "refused"), ("server", true, (string?)null)],
            mixed.Results.Select(r => (r.HostName == "probe-b" ? r.HostName : "server", r.Success, r.ErrorMessage)).OrderBy(r => r.Item1));
        Assert.Equal(800, bars[strict.Id][2].LatencyMs);
        Assert.True(bars[strict.Id][0].At < bars[strict.Id][2].At);
    }

    [Fact]
    public async Task Results_older_than_the_asked_rounds_are_not_read_and_a_quiet_monitor_gets_an_empty_bar()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var busy = await core.AddMonitorAsync(Monitor("busy"));
        var quiet = await core.AddMonitorAsync(Monitor("quiet"));
        var now = DateTime.UtcNow;
        await AddRoundAsync(core, busy.Id, now.AddSeconds(-10 * Interval), (core.ServerHostId, false, 0));
        await AddRoundAsync(core, busy.Id, now.AddSeconds(-1 * Interval), (core.ServerHostId, true, 10));
        await AddRoundAsync(core, quiet.Id, now.AddDays(-2), (core.ServerHostId, true, 10));

        var bars = await core.Get<MonitorQueries>().GetHeartbeatsAsync(TestActors.Viewer, [busy.Id, quiet.Id, 999_999], 5, CancellationToken.None);

        Assert.Equal([HeartbeatState.Up], bars[busy.Id].Select(r => r.State));
        Assert.Empty(bars[quiet.Id]);
        Assert.False(bars.ContainsKey(999_999));
    }

    [Fact]
    public async Task A_whole_page_of_the_largest_size_is_read_in_one_union_and_a_deleted_host_keeps_its_number()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var gone = await AddHostAsync(core, "gone");
        var now = DateTime.UtcNow;
        var ids = new List<int>();
        await using (var db = core.CreateDbContext())
        {
            var monitors = Enumerable.Range(0, MonitorQueries.MaxHeartbeatMonitors).Select(i => Monitor($"m{i}")).ToList();
            db.Monitors.AddRange(monitors);
            await db.SaveChangesAsync();
            ids.AddRange(monitors.Select(m => m.Id));
            db.ProbeResults.AddRange(monitors.Select((m, i) => new ProbeResult
            {
                MonitorId = m.Id, HostId = gone, Timestamp = now.AddSeconds(-1), Success = i % 2 == 0, LatencyMs = 5, ErrorMessage = i % 2 == 0 ? null : "timeout",
            }));
            await db.SaveChangesAsync();
            db.Hosts.Remove(db.Hosts.Single(h => h.Id == gone));
            await db.SaveChangesAsync();
        }

        var bars = await core.Get<MonitorQueries>().GetHeartbeatsAsync(TestActors.Viewer, ids, MonitorQueries.ListHeartbeatRounds, CancellationToken.None);

        Assert.Equal(ids.Count, bars.Count);
        Assert.All(ids.Select((id, i) => (bars[id], i)), pair =>
        {
            var round = Assert.Single(pair.Item1);
            Assert.Equal(pair.i % 2 == 0 ? HeartbeatState.Up : HeartbeatState.Down, round.State);
            Assert.Equal("#" + gone, Assert.Single(round.Results).HostName);
        });
    }

    [Fact]
    public async Task Anyone_without_read_is_refused_and_the_page_and_round_limits_hold()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var queries = core.Get<MonitorQueries>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => queries.GetHeartbeatsAsync(TestActors.Nobody, [1], 50, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queries.GetHeartbeatsAsync(TestActors.Viewer, [1], 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            queries.GetHeartbeatsAsync(TestActors.Viewer, [1], MonitorQueries.MaxHeartbeatRounds + 1, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            queries.GetHeartbeatsAsync(TestActors.Viewer, [.. Enumerable.Range(1, MonitorQueries.MaxHeartbeatMonitors + 1)], 50, CancellationToken.None));
        Assert.Empty(await queries.GetHeartbeatsAsync(TestActors.Viewer, [], 50, CancellationToken.None));
    }

    private static MonitorDefinition Monitor(string name, int? failQuorum = null, double? maxLatency = null) => new()
    {
        Name = name, Kind = MonitorKind.Tcp, Target = "127.0.0.1:9", IntervalSeconds = Interval, FailQuorum = failQuorum,
        MaxLatencySeconds = maxLatency, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    private static DateTime LastFireTime(MonitorDefinition monitor, DateTime now)
    {
        var intervalMs = Interval * 1000L;
        var sincePhase = new DateTimeOffset(now).ToUnixTimeMilliseconds() - ProbeSchedule.OffsetMs(monitor.Id, Interval);
        return now.AddMilliseconds(-(((sincePhase % intervalMs) + intervalMs) % intervalMs));
    }

    private static async Task<int> AddHostAsync(PipelineServices core, string name)
    {
        await using var db = core.CreateDbContext();
        var host = new ProbeHost { Name = name, Hostname = name, CreatedAt = DateTime.UtcNow };
        db.Hosts.Add(host);
        await db.SaveChangesAsync();
        return host.Id;
    }

    private static async Task AddRoundAsync(PipelineServices core, int monitorId, DateTime at, params (int Host, bool Success, double LatencyMs)[] results)
    {
        await using var db = core.CreateDbContext();
        db.ProbeResults.AddRange(results.Select((r, i) => new ProbeResult
        {
            MonitorId = monitorId, HostId = r.Host, Timestamp = at.AddMilliseconds(i * 200), Success = r.Success, LatencyMs = r.LatencyMs,
            ErrorMessage = r.Success ? null : "refused",
        }));
        await db.SaveChangesAsync();
    }
}
