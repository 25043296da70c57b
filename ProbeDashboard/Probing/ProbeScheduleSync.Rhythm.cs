using System.Collections.Concurrent;
using ProbeDashboard.Core.Monitors.Flap;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Probing;

/// <summary>
/// Flap control on the schedule: after a failed round a monitor with a retry_interval is fired at that rhythm until a
/// round passes or fail_threshold is reached (<see cref="FlapControl"/>), then at its interval again. It moves the
/// monitor's one repeating trigger (no timer of its own), and only for the few monitors whose rhythm changes.
/// </summary>
public sealed partial class ProbeScheduleSync
{
    /// <summary>Monitors now fired at their retry_interval, and that rhythm; every other monitor follows its interval.</summary>
    private readonly ConcurrentDictionary<int, int> _rhythms = new();

    /// <summary>The rhythm the monitor's trigger follows now, in seconds (its interval unless it is retrying).</summary>
    public int RhythmOf(Core.Monitors.MonitorDefinition monitor) =>
        _rhythms.TryGetValue(monitor.Id, out var rhythm) ? rhythm : monitor.IntervalSeconds;

    /// <summary>Moves the triggers of the monitors whose rhythm the closed <paramref name="rounds"/> change.</summary>
    public async Task FollowRoundsAsync(IReadOnlyList<ProbeRound> rounds, CancellationToken cancellationToken)
    {
        List<(int MonitorId, int Rhythm, DateTimeOffset Start)>? changes = null;
        foreach (var round in rounds)
        {
            // The hot path: one dictionary read per round, and nothing more for monitors without a retry_interval.
            if (!catalog.TryGet(round.MonitorId, out var monitor)) continue;
            var current = _rhythms.TryGetValue(monitor.Id, out var rhythm) ? rhythm : monitor.IntervalSeconds;
            if (monitor.RetryIntervalSeconds is null && current == monitor.IntervalSeconds) continue;
            var wanted = FlapControl.RoundInterval(monitor, round.ConsecutiveFailures);
            if (wanted == current) continue;
            var at = new DateTimeOffset(DateTime.SpecifyKind(round.At, DateTimeKind.Utc));
            (changes ??= []).Add((monitor.Id, wanted, ProbeSchedule.FirstFireAfterProbeNow(monitor.Id, wanted, at)));
        }
        if (changes is null) return;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = _scheduler ?? throw new InvalidOperationException("The probe scheduler has not started.");
            foreach (var (monitorId, wanted, start) in changes)
            {
                if (!catalog.TryGet(monitorId, out var monitor)) continue;
                // A monitor this server does not run has no trigger here: RescheduleJob changes nothing then.
                var key = ProbeJobKeys.Trigger(monitorId, _host.Id);
                await scheduler.RescheduleJob(key, new PhaseTrigger(key, start, TimeSpan.FromSeconds(wanted)), cancellationToken);
                if (wanted == monitor.IntervalSeconds) _rhythms.TryRemove(monitorId, out _);
                else _rhythms[monitorId] = wanted;
                LogRhythm(logger, monitorId, wanted);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Monitor {MonitorId} is now probed every {Seconds} s (flap control)")]
    private static partial void LogRhythm(ILogger logger, int monitorId, int seconds);
}
