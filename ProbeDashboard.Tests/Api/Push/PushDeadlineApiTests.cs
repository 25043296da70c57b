using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Push;

/// <summary>Missed deadlines on the injected clock: one failure per missed period, thresholds and alerts as for probes, recovery by a ping.</summary>
public class PushDeadlineApiTests(PushTestFactory factory) : IClassFixture<PushTestFactory>
{
    // Tests of one class run one at a time (xunit), so each may move the shared clock and sweep.
    [Fact]
    public async Task A_missed_period_is_one_failure_per_period_then_an_alert_and_a_late_ping_recovers_it()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, new { period = 300, grace = 60 }, "cron job", enableAlert: true, failThreshold: 2);

        factory.Clock.Advance(TimeSpan.FromSeconds(359));
        await factory.SweepAsync();
        Assert.Empty(await factory.ResultsAsync(id));

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await factory.SweepAsync();
        await factory.SweepAsync();
        var first = Assert.Single(await factory.ResultsAsync(id));
        Assert.Equal((false, "no ping received yet"), (first.Success, first.ErrorMessage));
        Assert.Null(await FiringAsync(id));

        factory.Clock.Advance(TimeSpan.FromSeconds(300));
        await factory.SweepAsync();
        Assert.Equal(2, (await factory.ResultsAsync(id)).Count);
        var alert = await Eventually.GetAsync(() => FiringAsync(id), "the monitor's down alert fires after two missed periods");
        Assert.Equal(AlertEventStatus.Firing, alert.Status);

        using var anonymous = factory.CreateClient();
        await anonymous.GetAsync(url);
        await Eventually.TrueAsync(async () => await FiringAsync(id) is null, "the late ping resolves the alert");
        var monitor = await factory.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((MonitorStatus.Online, 0), (monitor.Current.Status, monitor.Current.ConsecutiveFailures));

        factory.Clock.Advance(TimeSpan.FromSeconds(361));
        await factory.SweepAsync();
        Assert.StartsWith("no ping since ", (await factory.ResultsAsync(id))[^1].ErrorMessage);
    }

    [Fact]
    public async Task Periods_that_passed_while_nobody_swept_are_judged_once()
    {
        using var client = await factory.OperatorAsync();
        var (id, _) = await factory.CreatePushMonitorAsync(client, new { period = 60, grace = 0 }, "server was down");

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await factory.SweepAsync();

        Assert.Single(await factory.ResultsAsync(id));
        var monitor = await factory.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.True(monitor.PushDeadline > factory.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task A_started_run_not_finished_within_grace_fails()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, new { cron = "0 3 * * *", timezone = "Europe/Berlin", grace = 600 }, "long backup");
        using var anonymous = factory.CreateClient();

        await anonymous.GetAsync($"{url}/start");
        factory.Clock.Advance(TimeSpan.FromSeconds(601));
        await factory.SweepAsync();

        var result = Assert.Single(await factory.ResultsAsync(id));
        Assert.False(result.Success);
        Assert.Matches(@"^run started at \S+Z did not finish within 600 s$", result.ErrorMessage);
        var monitor = await factory.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Null(monitor.PushRunStartedAt);
        Assert.True(monitor.PushDeadline > factory.Clock.GetUtcNow().UtcDateTime);
    }

    private Task<AlertEvent?> FiringAsync(int monitorId) => factory.WithDbAsync(db => db.AlertEvents.AsNoTracking()
        .Where(e => e.SourceKey == AlertSource.ForMonitorDown(monitorId) && e.Status == AlertEventStatus.Firing)
        .FirstOrDefaultAsync());
}
