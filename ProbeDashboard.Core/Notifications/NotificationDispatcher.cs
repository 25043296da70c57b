using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// Delivers the outbox: due messages oldest first, each attempt recorded before the next, failures retried
/// with exponential backoff up to a cap, given up after MaxAttempts (or at once when the receiver rejects the
/// message for good, <see cref="NotificationRejectedException"/>). Works from the table alone, so after a
/// restart it resumes what was pending; a delivered message is marked at once and never picked up again. Messages are
/// claimed before they are sent (<see cref="OutboxClaims"/>), so dispatchers of several nodes on one database never
/// send the same message twice, short of a node dying between a send and its record.
/// </summary>
public sealed partial class NotificationDispatcher(
    IDbContextFactory<ProbeDbContext> dbFactory,
    IEnumerable<INotificationChannel> channels,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger,
    Cluster.ClusterMembership membership) : BackgroundService
{
    /// <summary>Who holds a claim: new for every dispatcher, so a restarted server never mistakes an old claim for its own.</summary>
    private readonly string _claimant = (membership.Name.Length > 60 ? membership.Name[..60] : membership.Name) + "/" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<NotificationChannelKind, INotificationChannel> _channels = channels.ToDictionary(c => c.Kind);
    private long _passesStarted;
    private long _passesFinished;
    private volatile bool _pendingAfterLastPass;

    /// <summary>Passes of the dispatch loop begun and finished; passes run one after the other.</summary>
    internal (long Started, long Finished) Passes => (Interlocked.Read(ref _passesStarted), Interlocked.Read(ref _passesFinished));

    /// <summary>Whether the last finished pass left messages pending (to retry later).</summary>
    internal bool PendingAfterLastPass => _pendingAfterLastPass;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Alone on the database, any claim left is from this server's previous run (killed while sending): free it now
        // rather than when its lease runs out. In a cluster it may be a live node's, so only the lease frees it.
        if (!membership.Enabled)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                await OutboxClaims.ReleaseAllAsync(db, time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not free the outbox claims of an earlier run; they fall due when their lease ends");
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
            Interlocked.Increment(ref _passesStarted);
            try
            {
                var nextDue = await DispatchDueAsync(stoppingToken);
                _pendingAfterLastPass = nextDue is not null;
                if (nextDue is { } due && due - time.GetUtcNow().UtcDateTime < wait)
                    wait = TimeSpan.FromMilliseconds(Math.Max(10, (due - time.GetUtcNow().UtcDateTime).TotalMilliseconds));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Notification dispatch failed; retrying after the poll interval");
            }
            Interlocked.Increment(ref _passesFinished);
            try { await signal.WaitAsync(wait, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends every message that is due now, claiming each batch before sending it.</summary>
    /// <returns>When the next pending message falls due, or null when none is pending.</returns>
    public async Task<DateTime?> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lease = OutboxClaims.Lease(options.Value);
        while (true)
        {
            var claimed = await OutboxClaims.ClaimAsync(db, _claimant, time.GetUtcNow().UtcDateTime, lease, cancellationToken);
            if (claimed.Count == 0) break;
            var messages = await db.NotificationOutbox.Where(o => claimed.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            var done = 0;
            try
            {
                foreach (var id in claimed)
                {
                    // Gone between the claim and the read (a group's messages deleted with it): nothing to send.
                    if (messages.TryGetValue(id, out var message))
                    {
                        await DeliverAsync(message, cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    done++;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: what was claimed and not sent goes back at once, not when the lease ends.
                try { await OutboxClaims.ReleaseAsync(db, claimed[done..], _claimant, time.GetUtcNow().UtcDateTime, CancellationToken.None); }
                catch (Exception e) { logger.LogWarning(e, "Could not give back claimed notifications; they fall due when their lease ends"); }
                throw;
            }
            db.ChangeTracker.Clear();
        }
        return await db.NotificationOutbox.Where(o => o.Status == OutboxStatus.Pending)
            .MinAsync(o => (DateTime?)o.NextAttemptAt, cancellationToken);
    }

    private async Task DeliverAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
    {
        // The claim counted this attempt and holds the message; the outcome below replaces the claim.
        message.ClaimedBy = null;
        try
        {
            if (!_channels.TryGetValue(message.Channel, out var channel))
                throw new InvalidOperationException($"no channel for {NotificationChannelNames.Of(message.Channel)}");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.SendTimeoutMs);
            await channel.SendAsync(message, timeout.Token);
            message.Status = OutboxStatus.Delivered;
            message.SentAt = time.GetUtcNow().UtcDateTime;
            message.LastError = null;
            LogDelivered(message.Id, NotificationChannelNames.Of(message.Channel), message.Address);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? "timed out" : e.Message;
            message.LastError = error.Length > 1000 ? error[..1000] : error;
            if (e is NotificationRejectedException || message.Attempts >= options.Value.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                LogGaveUp(message.Id, NotificationChannelNames.Of(message.Channel), message.Attempts, message.LastError);
                return;
            }
            message.NextAttemptAt = time.GetUtcNow().UtcDateTime + Backoff(options.Value, message.Attempts);
            LogRetry(message.Id, NotificationChannelNames.Of(message.Channel), message.Attempts, message.NextAttemptAt, message.LastError);
        }
    }

    /// <summary>Base delay doubled per failed attempt, capped.</summary>
    public static TimeSpan Backoff(NotificationOptions o, int failedAttempts)
    {
        var ms = o.RetryBaseDelayMs * Math.Pow(2, Math.Min(30, Math.Max(0, failedAttempts - 1)));
        return TimeSpan.FromMilliseconds(Math.Min(ms, o.RetryMaxDelayMs));
    }

    [LoggerMessage(LogLevel.Information, "Notification {OutboxId} sent by {Channel} to {Recipient}")]
    private partial void LogDelivered(long outboxId, string channel, string recipient);

    [LoggerMessage(LogLevel.Warning, "Notification {OutboxId} by {Channel} failed (attempt {Attempts}), retrying at {NextAttemptAt:u}: {Error}")]
    private partial void LogRetry(long outboxId, string channel, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(LogLevel.Error, "Notification {OutboxId} by {Channel} given up after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(long outboxId, string channel, int attempts, string error);
}
