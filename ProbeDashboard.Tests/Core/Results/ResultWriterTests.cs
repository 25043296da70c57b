using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Results;

/// <summary>The single writer against the test host's real database (SQLite, or PostgreSQL in test.sh's second pass).</summary>
public class ResultWriterTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 9, 59, 0, DateTimeKind.Utc);

    [Fact]
    public async Task SubmitAsync_completes_only_when_the_rows_are_readable_by_another_connection()
    {
        await using var pipeline = await PipelineServices.StartAsync();
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("a", new Uri("http://127.0.0.1:1/")));
        using var statusChanges = pipeline.Get<EventBus>().Subscribe<MonitorStatusChanged>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var results = Enumerable.Range(0, 25).Select(i => BatchRollupTests.Result(monitor.Id, pipeline.ServerHostId, T0.AddSeconds(i), i % 5 != 0, 10 + i)).ToList();
        await pipeline.Get<ResultWriter>().SubmitAsync(results, cts.Token);

        await using var db = pipeline.CreateDbContext();
        Assert.Equal(25, await db.ProbeResults.CountAsync(cts.Token));
        Assert.All(results, r => Assert.True(r.Id > 0));
        var stored = await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == monitor.Id, cts.Token);
        Assert.Equal(MonitorStatus.Online, stored.Current.Status);
        Assert.Equal(T0.AddSeconds(24), stored.Current.LastProbeAt);
        Assert.Equal(T0.AddSeconds(21), stored.Current.StatusSince);
        Assert.Equal(34, stored.Current.LastLatencyMs);
        // Published after the commit, at most one per monitor and batch; the last one names the final status.
        var changes = new List<MonitorStatusChanged>();
        while (statusChanges.Reader.TryRead(out var change)) changes.Add(change);
        Assert.Equal(new MonitorStatusChanged(monitor.Id, MonitorStatus.Online, T0.AddSeconds(21)), changes[^1]);
    }

    [Fact]
    public async Task Rollups_from_several_batches_merge_into_the_same_rows()
    {
        await using var pipeline = await PipelineServices.StartAsync();
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("a", new Uri("http://127.0.0.1:1/")));
        var host = pipeline.ServerHostId;
        var writer = pipeline.Get<ResultWriter>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, host, T0, false, 0)], cts.Token);
        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(10), true, 40), BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(20), true, 20)], cts.Token);
        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(30), true, 90), BatchRollupTests.Result(monitor.Id, host, T0.AddMinutes(2), true, 5)], cts.Token);

        await using var db = pipeline.CreateDbContext();
        var buckets = await db.AvailabilityBuckets.AsNoTracking().Where(b => b.MonitorId == monitor.Id).ToListAsync(cts.Token);
        var nine = Assert.Single(buckets, b => b.Size == BucketSize.Hour && b.Start == T0.Date.AddHours(9));
        Assert.Equal((4, 3, 150.0, 20.0, 90.0), (nine.Total, nine.Successes, nine.LatencySumMs, nine.LatencyMinMs!.Value, nine.LatencyMaxMs!.Value));
        var ten = Assert.Single(buckets, b => b.Size == BucketSize.Hour && b.Start == T0.Date.AddHours(10));
        Assert.Equal((1, 1, 5.0, 5.0, 5.0), (ten.Total, ten.Successes, ten.LatencySumMs, ten.LatencyMinMs!.Value, ten.LatencyMaxMs!.Value));
        var day = Assert.Single(buckets, b => b.Size == BucketSize.Day);
        Assert.Equal((T0.Date, 5, 4, 155.0, 5.0, 90.0), (day.Start, day.Total, day.Successes, day.LatencySumMs, day.LatencyMinMs!.Value, day.LatencyMaxMs!.Value));
    }

    [Fact]
    public async Task A_batch_is_one_transaction_and_a_failed_one_is_retried_until_it_commits()
    {
        await using var pipeline = await PipelineServices.StartAsync();
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("a", new Uri("http://127.0.0.1:1/")));
        var host = pipeline.ServerHostId;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // A fault we cannot cause otherwise: the database refuses the third row of the batch.
        await RefuseStatusCode599Async(pipeline);
        List<ProbeResult> batch = [
            BatchRollupTests.Result(monitor.Id, host, T0, true, 10),
            BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(1), true, 10),
            BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(2), false, 0)];
        batch[2].StatusCode = 599;

        await Assert.ThrowsAnyAsync<DbException>(() => pipeline.Get<ResultBatchStore>().StoreAsync(batch, cts.Token));
        await using (var db = pipeline.CreateDbContext())
        {
            Assert.Equal(0, await db.ProbeResults.CountAsync(cts.Token));
            Assert.Equal(0, await db.AvailabilityBuckets.CountAsync(cts.Token));
            Assert.Equal(0, await db.Monitors.CountAsync(m => m.Current.LastProbeAt != null, cts.Token));
        }

        var service = pipeline.Get<ResultWriterService>();
        var submitted = pipeline.Get<ResultWriter>().SubmitAsync(batch, cts.Token);
        while (!service.IsFailing) await Task.Delay(20, cts.Token);
        Assert.False(submitted.IsCompleted);
        await AcceptStatusCode599Async(pipeline);
        await submitted;

        await using (var db = pipeline.CreateDbContext())
        {
            Assert.Equal(3, await db.ProbeResults.CountAsync(cts.Token));
            Assert.Equal(3, await db.AvailabilityBuckets.Where(b => b.Size == BucketSize.Day).Select(b => b.Total).SingleAsync(cts.Token));
        }
    }

    [Fact]
    public async Task Results_of_a_deleted_monitor_are_skipped_without_breaking_the_batch()
    {
        await using var pipeline = await PipelineServices.StartAsync();
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("a", new Uri("http://127.0.0.1:1/")));
        using var committed = pipeline.Get<EventBus>().Subscribe<ProbeResultsCommitted>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await pipeline.Get<ResultWriter>().SubmitAsync([
            BatchRollupTests.Result(monitor.Id, pipeline.ServerHostId, T0, true, 10),
            BatchRollupTests.Result(monitor.Id + 1000, pipeline.ServerHostId, T0, true, 10),
            BatchRollupTests.Result(monitor.Id, pipeline.ServerHostId, T0.AddSeconds(1), false, 0)], cts.Token);

        await using var db = pipeline.CreateDbContext();
        Assert.Equal(2, await db.ProbeResults.CountAsync(r => r.MonitorId == monitor.Id, cts.Token));
        Assert.Equal(0, await db.ProbeResults.CountAsync(r => r.MonitorId != monitor.Id, cts.Token));
        Assert.Equal(0, await db.AvailabilityBuckets.CountAsync(b => b.MonitorId != monitor.Id, cts.Token));
        var published = await committed.Reader.ReadAsync(cts.Token);
        Assert.All(published.Results, r => Assert.Equal(monitor.Id, r.MonitorId));
    }

    [Fact]
    public async Task Nothing_is_lost_when_many_producers_enqueue_into_a_small_queue()
    {
        await using var pipeline = await PipelineServices.StartAsync(new() { ["Results:QueueCapacity"] = "100", ["Results:MaxBatchSize"] = "50" });
        var monitors = new List<MonitorDefinition>();
        for (var i = 0; i < 8; i++) monitors.Add(await pipeline.AddMonitorAsync(TestMonitors.Http($"m{i}", new Uri("http://127.0.0.1:1/"))));
        var writer = pipeline.Get<ResultWriter>();
        var service = pipeline.Get<ResultWriterService>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await Task.WhenAll(monitors.Select(m => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
                await writer.EnqueueAsync(BatchRollupTests.Result(m.Id, pipeline.ServerHostId, T0.AddSeconds(i), i % 2 == 0, 1), cts.Token);
        })));
        while (service.Committed < 4000) await Task.Delay(20, cts.Token);

        Assert.Equal(4000, writer.Accepted);
        await using var db = pipeline.CreateDbContext();
        Assert.Equal(4000, await db.ProbeResults.CountAsync(cts.Token));
        Assert.Equal(4000, await db.AvailabilityBuckets.Where(b => b.Size == BucketSize.Hour).SumAsync(b => b.Total, cts.Token));
        Assert.Equal(2000, await db.AvailabilityBuckets.Where(b => b.Size == BucketSize.Day).SumAsync(b => b.Successes, cts.Token));
    }

    [Fact]
    public async Task Status_across_hosts_is_offline_only_when_every_host_failed_and_a_reset_forgets_old_verdicts()
    {
        await using var pipeline = await PipelineServices.StartAsync();
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("a", new Uri("http://127.0.0.1:1/")));
        var (server, agent) = (pipeline.ServerHostId, pipeline.ServerHostId + 1);
        var writer = pipeline.Get<ResultWriter>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, server, T0, true, 10), BatchRollupTests.Result(monitor.Id, agent, T0.AddSeconds(1), false, 0)], cts.Token);
        Assert.Equal(MonitorStatus.Online, await StatusAsync(pipeline, monitor.Id));

        // What MonitorService does when the target changes: the status is unknown until the next probe.
        await using (var db = pipeline.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"UPDATE \"Monitors\" SET \"CurrentStatus\" = 0 WHERE \"Id\" = {monitor.Id}", cts.Token);
        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, agent, T0.AddSeconds(2), false, 0)], cts.Token);
        Assert.Equal(MonitorStatus.Offline, await StatusAsync(pipeline, monitor.Id));
    }

    private static async Task<MonitorStatus> StatusAsync(PipelineServices pipeline, int monitorId)
    {
        await using var db = pipeline.CreateDbContext();
        return await db.Monitors.AsNoTracking().Where(m => m.Id == monitorId).Select(m => m.Current.Status).SingleAsync();
    }

    /// <summary>Makes the database refuse (abort the statement) any result row with status code 599.</summary>
    internal static Task RefuseStatusCode599Async(PipelineServices pipeline) => ExecuteAsync(pipeline, TestDatabase.IsPostgres
        ? """
          CREATE FUNCTION refuse_599() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
          CREATE TRIGGER refuse BEFORE INSERT ON "ProbeResults" FOR EACH ROW WHEN (NEW."StatusCode" = 599) EXECUTE FUNCTION refuse_599();
          """
        : """CREATE TRIGGER refuse BEFORE INSERT ON "ProbeResults" WHEN NEW."StatusCode" = 599 BEGIN SELECT RAISE(ABORT, 'refused'); END""");

    internal static Task AcceptStatusCode599Async(PipelineServices pipeline) => ExecuteAsync(pipeline, TestDatabase.IsPostgres
        ? """DROP TRIGGER refuse ON "ProbeResults"; DROP FUNCTION refuse_599();"""
        : "DROP TRIGGER refuse");

    internal static async Task ExecuteAsync(PipelineServices pipeline, string sql)
    {
        await using var db = pipeline.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
