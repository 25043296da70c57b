using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Notifications;

/// <summary>
/// Two dispatchers on one database (SQLite in the first pass, a real PostgreSQL in the second, where the claim takes
/// row locks with SKIP LOCKED): each message is sent once; a claim left by a dispatcher that died holds the message
/// until its lease ends, then another dispatcher sends it; a single server frees its own dead claims at start.
/// </summary>
public sealed class OutboxClaimTests : IAsyncLifetime
{
    private static readonly NotificationOptions Options = new() { SendTimeoutMs = 1_000, RetryBaseDelayMs = 1_000, MaxAttempts = 3 };
    private PipelineServices _pipeline = null!;

    public async Task InitializeAsync() => _pipeline = await PipelineServices.StartAsync(startWriter: false);

    public async Task DisposeAsync() => await _pipeline.DisposeAsync();

    /// <summary>Records every send; each takes a moment, so two dispatchers' passes overlap.</summary>
    private sealed class RecordingChannel(ConcurrentBag<(string Dispatcher, long Id)> sent, string dispatcher) : INotificationChannel
    {
        public NotificationChannelKind Kind => NotificationChannelKind.Webhook;

        public async Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            sent.Add((dispatcher, message.Id));
        }
    }

    private NotificationDispatcher Dispatcher(INotificationChannel channel, TimeProvider time) => new(
        _pipeline.Get<IDbContextFactory<ProbeDbContext>>(), [channel], new NotificationSignal(), Microsoft.Extensions.Options.Options.Create(Options),
        time, NullLogger<NotificationDispatcher>.Instance, _pipeline.Get<ClusterMembership>());

    /// <summary>PostgreSQL keeps microseconds, .NET ticks are finer: whole milliseconds compare equal after a round trip.</summary>
    private static DateTime WholeMs(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private async Task<List<long>> QueueAsync(int count, DateTime due)
    {
        await using var db = _pipeline.CreateDbContext();
        var messages = Enumerable.Range(1, count).Select(i => new NotificationOutboxEntry
        {
            Purpose = NotificationPurpose.Test, Channel = NotificationChannelKind.Webhook, Address = $"http://127.0.0.1:9/{i}",
            Subject = $"message {i}", NextAttemptAt = due, CreatedAt = due,
        }).ToList();
        db.NotificationOutbox.AddRange(messages);
        await db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    private async Task<Dictionary<long, NotificationOutboxEntry>> StoredAsync()
    {
        await using var db = _pipeline.CreateDbContext();
        return await db.NotificationOutbox.AsNoTracking().ToDictionaryAsync(m => m.Id);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_message_exactly_once()
    {
        var ids = await QueueAsync(60, DateTime.UtcNow.AddSeconds(-1));
        var sent = new ConcurrentBag<(string Dispatcher, long Id)>();
        var a = Dispatcher(new RecordingChannel(sent, "a"), TimeProvider.System);
        var b = Dispatcher(new RecordingChannel(sent, "b"), TimeProvider.System);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(Task.Run(() => a.DispatchDueAsync(timeout.Token)), Task.Run(() => b.DispatchDueAsync(timeout.Token)));

        Assert.Equal(ids.Order(), sent.Select(s => s.Id).Order());   // every message, none twice
        var stored = await StoredAsync();
        Assert.All(ids, id =>
        {
            Assert.Equal(OutboxStatus.Delivered, stored[id].Status);
            Assert.Equal(1, stored[id].Attempts);
            Assert.Null(stored[id].ClaimedBy);
        });
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_dispatcher_holds_until_its_lease_ends_then_another_sends_it()
    {
        var time = new ManualTimeProvider();
        time.Advance(WholeMs(time.GetUtcNow().UtcDateTime) - time.GetUtcNow().UtcDateTime);
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await QueueAsync(2, now.AddSeconds(-1));
        var lease = OutboxClaims.Lease(Options);
        await using (var db = _pipeline.CreateDbContext())
            Assert.Equal(ids, await OutboxClaims.ClaimAsync(db, "dead-node/1", now, lease, CancellationToken.None));   // then it "dies"
        var sent = new ConcurrentBag<(string Dispatcher, long Id)>();
        var survivor = Dispatcher(new RecordingChannel(sent, "survivor"), time);

        time.Advance(lease - TimeSpan.FromSeconds(1));
        var nextDue = await survivor.DispatchDueAsync(CancellationToken.None);
        Assert.Empty(sent);
        Assert.Equal(now + lease, nextDue);
        Assert.All((await StoredAsync()).Values, m => Assert.Equal("dead-node/1", m.ClaimedBy));

        time.Advance(TimeSpan.FromSeconds(2));
        await survivor.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(ids.Order(), sent.Select(s => s.Id).Order());
        // The dead node's attempt counts: a message that kills every node that sends it is given up in the end.
        Assert.All((await StoredAsync()).Values, m => Assert.Equal((OutboxStatus.Delivered, 2), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task A_single_server_frees_the_claims_of_its_previous_run_at_start_but_leaves_a_retrys_backoff_alone()
    {
        var now = WholeMs(DateTime.UtcNow);
        var ids = await QueueAsync(2, now.AddSeconds(-1));
        await using (var db = _pipeline.CreateDbContext())
        {
            await OutboxClaims.ClaimAsync(db, "previous-run/1", now, OutboxClaims.Lease(Options), CancellationToken.None);
            // The second message's attempt ended in a failure and waits for its retry: not a claim any more.
            await db.NotificationOutbox.Where(m => m.Id == ids[1])
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.NextAttemptAt, now.AddMinutes(5)));

            Assert.Equal(1, await OutboxClaims.ReleaseAllAsync(db, now, CancellationToken.None));
        }

        var stored = await StoredAsync();
        Assert.Equal((now, 0, (string?)null), (stored[ids[0]].NextAttemptAt, stored[ids[0]].Attempts, stored[ids[0]].ClaimedBy));
        Assert.Equal((now.AddMinutes(5), 1), (stored[ids[1]].NextAttemptAt, stored[ids[1]].Attempts));
    }
}
