using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Tests.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// The SQLite write gate (#19): writers of one process take turns in arrival order instead of meeting "database is
/// locked" and sleeping in SQLite's busy handler. What a user would notice if it went wrong: a create failing or hanging
/// while the result writer or another transaction holds the file.
/// </summary>
public class SqliteWriteGateTests
{
    private static readonly MonitorInput Web = new() { Name = "web", Type = 1, Target = "http://127.0.0.1:9/health", Duration = 30 };

    [Fact]
    public async Task Many_concurrent_creates_all_succeed_while_the_result_writer_stores_batches_each_with_its_audit_entry()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var service = pipeline.Get<MonitorService>();
        var probed = (await service.CreateAsync(Actor.System, Web with { Name = "probed" }, "api", CancellationToken.None)).Monitor!;
        using var stop = new CancellationTokenSource();
        var store = pipeline.Get<ResultBatchStore>();
        // The creates start once the writer has stored its first batch: on a busy thread pool the writer's task could
        // otherwise start after the creates had finished, and nothing would have overlapped.
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = Task.Run(async () =>
        {
            var at = DateTime.UtcNow;
            for (var n = 0; n == 0 || !stop.IsCancellationRequested; n++)
            {
                await store.StoreAsync([BatchRollupTests.Result(probed.Id, pipeline.ServerHostId, at.AddSeconds(n), true, 10)], CancellationToken.None);
                writing.TrySetResult();
            }
        });
        await writing.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(client => Task.Run(async () =>
        {
            var mine = new List<MonitorSaveResult>();
            for (var i = 0; i < 25; i++)
                mine.Add(await service.CreateAsync(Actor.System, Web with { Name = $"web-{client}-{i}" }, "api", CancellationToken.None));
            return mine;
        })));
        await stop.CancelAsync();
        await batches;

        var ids = created.SelectMany(c => c).Select(c => c.Monitor!.Id).ToList();
        Assert.Equal(200, ids.Distinct().Count());
        await using var db = pipeline.CreateDbContext();
        var entries = await db.AuditLog.Where(e => e.Action == AuditActions.MonitorCreate).Select(e => e.Target).ToListAsync();
        Assert.Equal(201, entries.Distinct().Count());
        Assert.True(await db.ProbeResults.AnyAsync(r => r.MonitorId == probed.Id));
    }

    [Fact]
    public async Task A_create_queued_behind_an_open_transaction_waits_for_it_and_is_stored_after_it()
    {
        if (TestDatabase.IsPostgres) return; // PostgreSQL locks rows, not the file: no gate there.
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var service = pipeline.Get<MonitorService>();
        await using var holder = pipeline.CreateDbContext();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        var first = await service.CreateAsync(holder, Actor.System, Web with { Name = "first" }, "api", CancellationToken.None);
        var gate = SqliteWriteGate.Of((SqliteConnection)holder.Database.GetDbConnection())!;

        var queued = service.CreateAsync(Actor.System, Web with { Name = "queued" }, "api", CancellationToken.None);
        await Eventually.TrueAsync(() => gate.Waiting == 1, "the second create to queue at the gate");
        Assert.False(queued.IsCompleted);
        await transaction.CommitAsync();

        var second = (await queued).Monitor!;
        Assert.True(second.Id > first.Result.Monitor!.Id, $"ids {first.Result.Monitor.Id} then {second.Id}");
        await using var db = pipeline.CreateDbContext();
        Assert.Equal(["first", "queued"], await db.Monitors.OrderBy(m => m.Id).Select(m => m.Name).ToListAsync());
    }

    [Fact]
    public async Task A_write_that_fails_or_is_abandoned_hands_the_turn_on_and_the_next_create_succeeds()
    {
        if (TestDatabase.IsPostgres) return; // PostgreSQL locks rows, not the file: no gate there.
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("a", new Uri("http://127.0.0.1:1/")));
        await ResultWriterTests.RefuseStatusCode599Async(pipeline);
        var refused = BatchRollupTests.Result(monitor.Id, pipeline.ServerHostId, DateTime.UtcNow, false, 0);
        refused.StatusCode = 599;

        // The result writer's own transaction, failing midway.
        await Assert.ThrowsAnyAsync<SqliteException>(() => pipeline.Get<ResultBatchStore>().StoreAsync([refused], CancellationToken.None));
        // EF transactions disposed without a commit, as when an exception leaves the block: async and sync.
        await using (var db = pipeline.CreateDbContext())
        {
            await using var abandoned = await db.Database.BeginTransactionAsync();
        }
        using (var db = pipeline.CreateDbContext())
        {
            using var abandoned = db.Database.BeginTransaction();
        }

        await using var check = pipeline.CreateDbContext();
        await check.Database.OpenConnectionAsync();
        Assert.True(SqliteWriteGate.Of((SqliteConnection)check.Database.GetDbConnection())!.Free);
        var created = await pipeline.Get<MonitorService>().CreateAsync(Actor.System, Web, "api", CancellationToken.None);
        Assert.NotNull(created.Monitor);
    }
}
