using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Probing;
using ProbeDashboard.Tests.Support;
using Quartz;

namespace ProbeDashboard.Tests.Api.Probing;

/// <summary>
/// The start-up rebuild after a stop (kill -9), with a clock held still: the triggers it builds are read back from
/// Quartz, so nothing here waits for a fire.
/// </summary>
public sealed class StartupRebuildTests() : AppWithTargetTests(schedulerRunning: false)
{
    [Fact]
    public async Task Rounds_missed_while_down_are_caught_up_spread_out_and_the_rest_wait_for_their_phase()
    {
        var clock = new ManualTimeProvider();
        clock.Advance(TimeSpan.FromHours(1));
        var now = clock.GetUtcNow();
        await using (var db = Db())
        {
            for (var i = 0; i < 300; i++)
            {
                var monitor = TestMonitors.Http($"m{i}", Target.Url("/ok"));
                monitor.IntervalSeconds = 60;
                // One in ten was last probed 2 minutes ago (it missed a round while the server was down), the rest 10 s ago.
                monitor.Current.LastProbeAt = (now - TimeSpan.FromSeconds(i % 10 == 0 ? 120 : 10)).UtcDateTime;
                db.Monitors.Add(monitor);
            }
            await db.SaveChangesAsync();
        }
        // The app's own scheduler, which holds nothing with Probing:SchedulerEnabled off; every time below lies an hour
        // ahead of the real clock, so no trigger built here fires while the test reads them.
        var scheduler = await Get<ISchedulerFactory>().GetScheduler();
        try
        {
            await using (var db = Db())
            {
                var sync = new ProbeScheduleSync(Get<IDbContextFactory<ProbeDashboard.Core.Storage.ProbeDbContext>>(), new MonitorCatalog(), clock, NullLogger<ProbeScheduleSync>.Instance);
                sync.Attach(scheduler, await db.Hosts.AsNoTracking().SingleAsync(h => h.IsServer));
                await sync.ReconcileAsync(CancellationToken.None);
            }

            var triggers = new List<PhaseTrigger>();
            foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(ProbeJobKeys.Group)))
                triggers.Add((PhaseTrigger)(await scheduler.GetTrigger(key))!);
            // One trigger per monitor, the catch-up being its first fire rather than a trigger of its own.
            Assert.Equal(300, triggers.Count);
            var caughtUpTriggers = triggers.Where(t => t.ProbeFirstAt is not null).ToList();
            Assert.All(caughtUpTriggers, t => Assert.Equal(t.ProbeFirstAt, t.NextFireTimeUtc));
            var catchUps = caughtUpTriggers.Select(t => t.ProbeFirstAt!.Value).Order().ToList();
            var caughtUp = caughtUpTriggers.Select(MonitorIdOf).ToHashSet();

            Assert.Equal(30, catchUps.Count);
            Assert.Equal(30, catchUps.Distinct().Count());
            Assert.True(catchUps[0] >= now + StartupCatchUp.Lead, $"first catch-up at {catchUps[0] - now}");
            Assert.True(catchUps[^1] < now + StartupCatchUp.Lead + StartupCatchUp.Window, $"last catch-up at {catchUps[^1] - now}");
            // Every trigger then follows the monitor's phase, the caught-up ones starting on it later.
            Assert.All(triggers, t => Assert.Equal(0, (t.StartTimeUtc.ToUnixTimeMilliseconds() - ProbeSchedule.OffsetMs(MonitorIdOf(t), 60)) % 60_000));
            // No first slot before the rebuild; a monitor probed 10 s ago keeps the slot it would have had without the
            // stop (45-105 s after that probe).
            Assert.All(triggers, t => Assert.True(t.StartTimeUtc >= now, $"{t.Key} starts at {t.StartTimeUtc - now}"));
            Assert.All(triggers.Where(t => !caughtUp.Contains(MonitorIdOf(t))), t =>
            {
                Assert.Equal(t.StartTimeUtc, t.NextFireTimeUtc);
                Assert.InRange(t.StartTimeUtc - (now - TimeSpan.FromSeconds(10)), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(105));
            });
        }
        finally
        {
            await scheduler.Clear();
        }
    }

    private static int MonitorIdOf(ITrigger trigger) =>
        ProbeJobKeys.TryParse(trigger.Key, out var monitorId, out _) ? monitorId : throw new InvalidOperationException($"not a probe trigger: {trigger.Key}");
}
