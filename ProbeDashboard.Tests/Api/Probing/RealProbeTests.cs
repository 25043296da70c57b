using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Probing;

/// <summary>
/// Real probes through the app's own DI (runner and single writer, scheduler off) against Kestrel targets on
/// 127.0.0.1 that are up, down, slow, wrong and missing the keyword; checks what a user will see: history,
/// current status with "since", and the hourly and daily rollups statistics are read from.
/// </summary>
public sealed class RealProbeTests() : AppWithTargetTests(schedulerRunning: false)
{
    [Fact]
    public async Task Api_test_hosts_run_without_the_scheduler_and_are_still_healthy()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(Get<ProbeDashboard.Probing.ProbeSchedulerStatus>().IsRunning);
    }

    [Fact]
    public async Task Up_down_slow_wrong_status_and_missing_keyword_are_stored_with_clear_errors()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var closed = TargetServer.ClosedPort();
        var monitors = await AddAsync(
            TestMonitors.Http("up", Target.Url("/ok"), keyword: "is ok"),
            TestMonitors.Http("down", new Uri($"http://127.0.0.1:{closed}/ok")),
            TestMonitors.Http("slow", Target.Url("/slow"), timeoutSeconds: 1),
            TestMonitors.Http("wrong status", Target.Url("/status/503"), expected: "200"),
            TestMonitors.Http("keyword missing", Target.Url("/ok"), keyword: "ok!"),
            TestMonitors.Tcp("tcp up", $"127.0.0.1:{Target.Port}"),
            TestMonitors.Tcp("tcp down", $"127.0.0.1:{closed}"));

        await RoundAsync(monitors, cts.Token);
        await RoundAsync(monitors, cts.Token);

        await using var db = Db();
        var results = await db.ProbeResults.AsNoTracking().ToListAsync(cts.Token);
        string?[] Errors(string name) => results.Where(r => r.MonitorId == monitors.Single(m => m.Name == name).Id).Select(r => r.ErrorMessage).Distinct().ToArray();
        Assert.Equal(14, results.Count);
        Assert.Equal(new string?[] { null }, Errors("up"));
        Assert.Equal(new string?[] { "connection refused" }, Errors("down"));
        Assert.Equal(new string?[] { "timeout after 1s" }, Errors("slow"));
        Assert.Equal(new string?[] { "expected status 200, got 503" }, Errors("wrong status"));
        Assert.Equal(new string?[] { "keyword 'ok!' not found" }, Errors("keyword missing"));
        Assert.Equal(new string?[] { null }, Errors("tcp up"));
        Assert.Equal(new string?[] { "connection refused" }, Errors("tcp down"));
        Assert.All(results.Where(r => r.Success), r => Assert.True(r.LatencyMs > 0));
        Assert.Equal(503, results.First(r => r.MonitorId == monitors[3].Id).StatusCode);

        var states = await db.Monitors.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Current, cts.Token);
        Assert.Equal(MonitorStatus.Online, states["up"].Status);
        Assert.Equal(MonitorStatus.Online, states["tcp up"].Status);
        Assert.All(new[] { "down", "slow", "wrong status", "keyword missing", "tcp down" }, name =>
        {
            Assert.Equal(MonitorStatus.Offline, states[name].Status);
            Assert.Equal(2, states[name].ConsecutiveFailures);
        });
        Assert.Equal("timeout after 1s", states["slow"].LastError);

        var daily = await db.AvailabilityBuckets.AsNoTracking().Where(b => b.Size == BucketSize.Day).ToListAsync(cts.Token);
        var hourly = await db.AvailabilityBuckets.AsNoTracking().Where(b => b.Size == BucketSize.Hour).ToListAsync(cts.Token);
        foreach (var monitor in monitors)
        {
            var mine = results.Where(r => r.MonitorId == monitor.Id).ToList();
            Assert.Equal(mine.Count, daily.Where(b => b.MonitorId == monitor.Id).Sum(b => b.Total));
            Assert.Equal(mine.Count, hourly.Where(b => b.MonitorId == monitor.Id).Sum(b => b.Total));
            Assert.Equal(mine.Count(r => r.Success), daily.Where(b => b.MonitorId == monitor.Id).Sum(b => b.Successes));
            Assert.Equal(mine.Where(r => r.Success).Sum(r => r.LatencyMs), daily.Where(b => b.MonitorId == monitor.Id).Sum(b => b.LatencySumMs), 6);
        }
    }

    [Fact]
    public async Task Status_since_moves_only_when_the_target_goes_down_or_comes_back()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var monitor = (await AddAsync(TestMonitors.Http("switch", Target.Url("/switch"))))[0];

        Target.SwitchStatus = 200;
        var up1 = await RoundAsync([monitor], cts.Token);
        await RoundAsync([monitor], cts.Token);
        var afterTwoUps = await CurrentAsync(monitor.Id, cts.Token);
        Assert.Equal((MonitorStatus.Online, up1[0].Timestamp), (afterTwoUps.Status, afterTwoUps.StatusSince));

        Target.SwitchStatus = 500;
        var down1 = await RoundAsync([monitor], cts.Token);
        await RoundAsync([monitor], cts.Token);
        var afterTwoDowns = await CurrentAsync(monitor.Id, cts.Token);
        Assert.Equal((MonitorStatus.Offline, down1[0].Timestamp, 2), (afterTwoDowns.Status, afterTwoDowns.StatusSince, afterTwoDowns.ConsecutiveFailures));
        Assert.Equal("expected status 2xx/3xx, got 500", afterTwoDowns.LastError);

        Target.SwitchStatus = 204;
        var back = await RoundAsync([monitor], cts.Token);
        var recovered = await CurrentAsync(monitor.Id, cts.Token);
        Assert.Equal((MonitorStatus.Online, back[0].Timestamp, 0), (recovered.Status, recovered.StatusSince, recovered.ConsecutiveFailures));
        Assert.Null(recovered.LastError);
        Assert.Equal(204, recovered.LastStatusCode);
    }

    private async Task<List<MonitorDefinition>> AddAsync(params MonitorDefinition[] monitors)
    {
        await using var db = Db();
        db.Monitors.AddRange(monitors);
        await db.SaveChangesAsync();
        return [.. monitors];
    }

    /// <summary>What a scheduler fire does for each monitor, awaited until the results are committed.</summary>
    private int _rounds;

    private async Task<ProbeResult[]> RoundAsync(IEnumerable<MonitorDefinition> monitors, CancellationToken cancellationToken)
    {
        await using var db = Db();
        var hostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cancellationToken);
        var results = await Task.WhenAll(monitors.Select(m => Get<ProbeRunner>().RunAsync(m, hostId, cancellationToken)));
        // The scheduler fires one round per interval; the test does not wait for them, so it stamps them so.
        var round = _rounds++;
        foreach (var result in results)
            result.Timestamp = result.Timestamp.AddSeconds(monitors.Single(m => m.Id == result.MonitorId).IntervalSeconds * round);
        await Get<ResultWriter>().SubmitAsync(results, cancellationToken);
        return results;
    }

    private async Task<MonitorCurrentState> CurrentAsync(int monitorId, CancellationToken cancellationToken)
    {
        await using var db = Db();
        return (await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == monitorId, cancellationToken)).Current;
    }
}
