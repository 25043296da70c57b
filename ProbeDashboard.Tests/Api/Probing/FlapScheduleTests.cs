using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Probing;
using ProbeDashboard.Tests.Support;
using Quartz;

namespace ProbeDashboard.Tests.Api.Probing;

/// <summary>
/// Flap control on the real Quartz scheduler: an hourly monitor with retry_interval 2 s against a failing target on
/// 127.0.0.1 is probed three times in a few seconds (fail_threshold 3), then goes back to its hour.
/// </summary>
public sealed class FlapScheduleTests() : AppWithTargetTests(schedulerRunning: true)
{
    [Fact]
    public async Task A_failing_monitor_is_retried_at_its_retry_interval_until_the_threshold_then_waits_its_interval()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await App.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
        {
            name = "flapping", type = 1, target = Target.Url("/status/503").ToString(), duration = 3600, timeout = 2,
            retry_interval = 2, fail_threshold = 3,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        // Only retries at 2 s can bring three rounds within the wait: the next hourly fire is at least 45 minutes away.
        await Eventually.TrueAsync(async () => await FailuresAsync(id) >= 3, "three failed rounds");
        var trigger = await WaitForRhythmAsync(id, TimeSpan.FromHours(1), cts.Token);

        // A fourth retry may fire while the third round is being committed; never more.
        Assert.InRange(await CountResultsAsync(id), 3, 4);
        Assert.True(trigger.StartTimeUtc > DateTimeOffset.UtcNow.AddMinutes(40));
    }

    [Fact]
    public async Task A_failed_round_moves_the_trigger_to_the_retry_rhythm_and_a_passing_one_moves_it_back()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await App.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
        {
            name = "steady", type = 1, target = Target.Url("/ok").ToString(), duration = 3600, timeout = 2, retry_interval = 60,
        }));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        await Eventually.TrueAsync(async () => await CountResultsAsync(id) >= 1, "the first probe");
        var sync = Get<ProbeScheduleSync>();
        var at = DateTimeOffset.UtcNow;

        await sync.FollowRoundsAsync([new ProbeRound(id, at.UtcDateTime, true, 1, 1, 1, null, 0)], cts.Token);
        var retrying = await TriggerAsync(id, cts.Token);
        Assert.Equal(TimeSpan.FromSeconds(60), retrying.RepeatInterval);
        Assert.InRange(retrying.StartTimeUtc, at.AddSeconds(45), at.AddSeconds(105));

        await sync.FollowRoundsAsync([new ProbeRound(id, at.AddSeconds(60).UtcDateTime, false, 0, 1, 0, 5, 200)], cts.Token);
        Assert.Equal(TimeSpan.FromHours(1), (await TriggerAsync(id, cts.Token)).RepeatInterval);
    }

    private async Task<ISimpleTrigger> WaitForRhythmAsync(int id, TimeSpan rhythm, CancellationToken cancellationToken)
    {
        ISimpleTrigger? trigger = null;
        await Eventually.TrueAsync(async () => (trigger = await TriggerAsync(id, cancellationToken)).RepeatInterval == rhythm, $"a {rhythm} rhythm");
        return trigger!;
    }

    private async Task<ISimpleTrigger> TriggerAsync(int id, CancellationToken cancellationToken)
    {
        var scheduler = await Get<ISchedulerFactory>().GetScheduler(cancellationToken);
        var hostId = await ServerHostIdAsync(cancellationToken);
        return (ISimpleTrigger)(await scheduler.GetTrigger(ProbeJobKeys.Trigger(id, hostId), cancellationToken))!;
    }

    private async Task<int> ServerHostIdAsync(CancellationToken cancellationToken)
    {
        await using var db = Db();
        return await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cancellationToken);
    }

    private async Task<int> FailuresAsync(int id)
    {
        await using var db = Db();
        return await db.Monitors.Where(m => m.Id == id).Select(m => m.Current.ConsecutiveFailures).SingleAsync();
    }

    private async Task<int> CountResultsAsync(int id)
    {
        await using var db = Db();
        return await db.ProbeResults.CountAsync(r => r.MonitorId == id);
    }
}
