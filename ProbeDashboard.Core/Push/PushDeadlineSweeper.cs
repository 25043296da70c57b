using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Push;

/// <summary>
/// Finds the push monitors whose deadline has passed (one indexed query per batch, no timer per monitor), records
/// one failure for each and moves its deadline to the next slot after now. Each deadline is claimed with a
/// conditional update (still the deadline that was read), so a ping that arrives meanwhile wins, and two nodes
/// sweeping the same database record a miss once. Deadlines that passed while the server was down are found by the
/// first sweep after start-up and judged once each.
/// </summary>
public sealed class PushDeadlineSweeper(
    IDbContextFactory<ProbeDbContext> dbFactory,
    ResultWriter writer,
    ServerHostLookup serverHost,
    TimeProvider time)
{
    private const int BatchSize = 1000;

    /// <returns>How many missed deadlines were recorded.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = PushSchedule.Trim(time.GetUtcNow().UtcDateTime);
        var hostId = await serverHost.GetIdAsync(cancellationToken);
        var recorded = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.Monitors.AsNoTracking()
                .Where(m => m.PushDeadline != null && m.PushDeadline <= now)
                .OrderBy(m => m.PushDeadline).Take(BatchSize)
                .Select(m => new DueMonitor(m.Id, m.PushDeadline!.Value, m.Push, m.PushRunStartedAt, m.PushLastPingAt))
                .ToListAsync(cancellationToken);
            if (due.Count == 0) break;

            var results = new List<ProbeResult>(due.Count);
            // One transaction for the batch's claims: one commit, not one per monitor.
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var monitor in due)
                {
                    var (next, message) = Judge(monitor, now);
                    var claimed = await db.Monitors
                        .Where(m => m.Id == monitor.Id && m.PushDeadline == monitor.Deadline)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.PushDeadline, next)
                            .SetProperty(m => m.PushRunStartedAt, (DateTime?)null), cancellationToken);
                    if (claimed == 1) results.Add(Missed(monitor, hostId, message));
                }
                await transaction.CommitAsync(cancellationToken);
            }
            await writer.SubmitAsync(results, cancellationToken);
            recorded += results.Count;
            if (due.Count < BatchSize) break;
        }
        return recorded;
    }

    /// <summary>The next deadline after a miss, and what the failure says.</summary>
    private static (DateTime Next, string Message) Judge(DueMonitor monitor, DateTime now)
    {
        var schedule = PushSchedule.Of(monitor.Push);
        if (monitor.RunStartedAt is { } started && started + schedule.Grace == monitor.Deadline)
        {
            // The run stood for its slot: the next one is expected after it.
            var after = schedule.DeadlineAfterPing(started);
            var next = after > now ? after : schedule.DeadlineAfterMiss(after, now);
            return (next, $"run started at {Text(started)} did not finish within {(int)schedule.Grace.TotalSeconds} s");
        }
        var message = monitor.LastPingAt is { } last ? $"no ping since {Text(last)}" : "no ping received yet";
        return (schedule.DeadlineAfterMiss(monitor.Deadline, now), message);
    }

    private static ProbeResult Missed(DueMonitor monitor, int hostId, string message) => new()
    {
        MonitorId = monitor.Id,
        HostId = hostId,
        Timestamp = monitor.Deadline,
        Success = false,
        ErrorMessage = message,
    };

    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record DueMonitor(int Id, DateTime Deadline, PushProbeOptions Push, DateTime? RunStartedAt, DateTime? LastPingAt);
}
