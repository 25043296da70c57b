using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Notifications;

/// <summary>
/// How a dispatcher takes messages from the outbox so that, with several nodes on one database, each due message is
/// sent by one of them: one statement moves a batch's due time forward by a lease and names the claimant (on PostgreSQL
/// with <c>FOR UPDATE SKIP LOCKED</c>, so two claims never overlap). The dispatcher then records each attempt's outcome,
/// which replaces the lease. A dispatcher that dies mid-delivery leaves its lease to run out, and then any dispatcher
/// claims the message again: delivery is at least once, with a duplicate only when a node dies between sending and
/// recording.
/// </summary>
public static class OutboxClaims
{
    /// <summary>Messages taken per claim. They are sent one after the other, so the lease covers all of them.</summary>
    public const int BatchSize = 5;

    /// <summary>Slack on top of the sends' time limits: recording an outcome is a database write, not instant.</summary>
    public static readonly TimeSpan LeaseSlack = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim holds: longer than every send of a batch can take (each is cut off at
    /// <see cref="NotificationOptions.SendTimeoutMs"/>), so a live dispatcher's messages never fall due under it.
    /// </summary>
    public static TimeSpan Lease(NotificationOptions options) => TimeSpan.FromMilliseconds((double)options.SendTimeoutMs * BatchSize) + LeaseSlack;

    /// <summary>Claims up to <see cref="BatchSize"/> due messages for <paramref name="claimant"/>; returns their ids, oldest first.</summary>
    public static async Task<List<long>> ClaimAsync(ProbeDbContext db, string claimant, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var claim = db.Database.GetDbConnection().CreateCommand();
            claim.CommandText = SqlDialect.Of(db).ClaimOutbox;
            SqlDialect.Parameter(claim, "@leaseUntil").Value = now + lease;
            SqlDialect.Parameter(claim, "@claimant").Value = claimant;
            SqlDialect.Parameter(claim, "@pending").Value = (int)OutboxStatus.Pending;
            SqlDialect.Parameter(claim, "@now").Value = now;
            SqlDialect.Parameter(claim, "@limit").Value = BatchSize;
            var ids = new List<long>();
            await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
            // RETURNING gives no order of its own; the claim took the oldest, and they go out oldest first.
            var order = await db.NotificationOutbox.AsNoTracking().Where(o => ids.Contains(o.Id))
                .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
            return order;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Gives back every claim left by an earlier run of this server (used where no other node can hold one: a single
    /// server), so that after a restart pending messages go out at once instead of when their lease runs out. The
    /// attempt the claim counted never finished, so it is not counted.
    /// </summary>
    public static Task<int> ReleaseAllAsync(ProbeDbContext db, DateTime now, CancellationToken cancellationToken) =>
        db.NotificationOutbox.Where(o => o.Status == OutboxStatus.Pending && o.ClaimedBy != null && o.NextAttemptAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now).SetProperty(o => o.ClaimedBy, (string?)null)
                .SetProperty(o => o.Attempts, o => o.Attempts > 0 ? o.Attempts - 1 : 0), cancellationToken);

    /// <summary>Gives back claimed messages this dispatcher did not get to (it is stopping), uncounted, due now.</summary>
    public static Task<int> ReleaseAsync(ProbeDbContext db, IReadOnlyCollection<long> ids, string claimant, DateTime now, CancellationToken cancellationToken) =>
        db.NotificationOutbox.Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Pending && o.ClaimedBy == claimant)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, now).SetProperty(o => o.ClaimedBy, (string?)null)
                .SetProperty(o => o.Attempts, o => o.Attempts > 0 ? o.Attempts - 1 : 0), cancellationToken);
}
