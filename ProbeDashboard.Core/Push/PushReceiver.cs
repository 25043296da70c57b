using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Push;

/// <summary>
/// Turns a ping into a result of its push monitor and moves the monitor's deadline. The result goes through the
/// same writer as probe results (rounds, thresholds, alerts, rollups); the call returns once it is committed, so a
/// 200 to the sender means the ping is stored.
/// </summary>
public sealed class PushReceiver(IDbContextFactory<ProbeDbContext> dbFactory, ResultWriter writer, ServerHostLookup serverHost, TimeProvider time)
{
    private sealed record PushTarget(int Id, bool Enabled, PushProbeOptions Push, DateTime? PushRunStartedAt);

    /// <summary>
    /// Compiled once: every ping runs this lookup, and a LINQ query would walk and cache-match its expression tree each
    /// time (about a fifth of the lookup's CPU at hundreds of pings a second).
    /// </summary>
    private static readonly Func<ProbeDbContext, string, CancellationToken, Task<PushTarget?>> FindByToken =
        EF.CompileAsyncQuery((ProbeDbContext db, string token, CancellationToken _) => db.Monitors.AsNoTracking()
            .Where(m => m.PushToken == token && m.Kind == MonitorKind.Push)
            .Select(m => new PushTarget(m.Id, m.Enabled, m.Push, m.PushRunStartedAt))
            .SingleOrDefault());

    public async Task<PushReceipt> ReceiveAsync(string token, PushPing ping, CancellationToken cancellationToken)
    {
        if (!PushTokens.LooksValid(token)) return PushReceipt.UnknownToken;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var monitor = await FindByToken(db, token, cancellationToken);
        if (monitor is null) return PushReceipt.UnknownToken;
        if (!monitor.Enabled) return PushReceipt.Paused;

        var now = PushSchedule.Trim(time.GetUtcNow().UtcDateTime);
        var schedule = PushSchedule.Of(monitor.Push);
        var row = db.Monitors.Where(m => m.Id == monitor.Id);
        if (ping.Kind == PushPingKind.Start)
        {
            // A started run must finish within grace, whatever the schedule's own deadline says.
            await row.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.PushRunStartedAt, now)
                .SetProperty(m => m.PushDeadline, now + schedule.Grace), cancellationToken);
            return PushReceipt.Started;
        }

        var latencyMs = monitor.PushRunStartedAt is { } started ? (now - started).TotalMilliseconds : ping.LatencyMs ?? 0;
        await writer.SubmitAsync([new ProbeResult
        {
            MonitorId = monitor.Id,
            HostId = await serverHost.GetIdAsync(cancellationToken),
            Timestamp = now,
            Success = ping.Kind == PushPingKind.Success,
            LatencyMs = Math.Round(latencyMs, 3),
            ErrorMessage = ping.ResultMessage,
            // Stored with the result, in the writer's batch: a ping is no write transaction of its own.
            MovesPushDeadlineTo = schedule.DeadlineAfterPing(now),
        }], cancellationToken);
        return PushReceipt.Recorded;
    }
}
