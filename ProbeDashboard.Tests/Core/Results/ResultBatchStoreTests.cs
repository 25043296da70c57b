using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Results;

/// <summary>
/// A batch of many rows per statement kind (results, buckets, monitor rows, push deadlines), which PostgreSQL gets as
/// one <see cref="System.Data.Common.DbBatch"/> per kind and SQLite as one command per row: both must store the same.
/// </summary>
public class ResultBatchStoreTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Each_result_gets_the_id_of_its_own_row()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var monitors = await AddMonitorsAsync(pipeline, 3);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // Interleaved monitors, every latency distinct: a row returned out of order would carry the wrong one.
        var results = Enumerable.Range(0, 120)
            .Select(i => BatchRollupTests.Result(monitors[i % 3].Id, pipeline.ServerHostId, T0.AddSeconds(i), i % 7 != 0, 1000 + i))
            .ToList();

        var stored = await pipeline.Get<ResultBatchStore>().StoreAsync(results, cts.Token);

        Assert.Equal(120, stored.Results.Count);
        Assert.Equal(120, results.Select(r => r.Id).Distinct().Count());
        await using var db = pipeline.CreateDbContext();
        var rows = await db.ProbeResults.AsNoTracking().ToDictionaryAsync(r => r.Id, cts.Token);
        Assert.Equal(120, rows.Count);
        Assert.All(results, r =>
        {
            var row = rows[r.Id];
            Assert.Equal((r.MonitorId, r.Timestamp, r.LatencyMs, r.Success), (row.MonitorId, row.Timestamp, row.LatencyMs, row.Success));
        });
    }

    [Fact]
    public async Task Every_monitor_row_and_bucket_of_the_batch_is_written()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var monitors = await AddMonitorsAsync(pipeline, 4);
        var host = pipeline.ServerHostId;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // Monitor k gets k+1 results, the last one failing for odd k; two hours, so two hour buckets each.
        var results = monitors.SelectMany((m, k) => Enumerable.Range(0, k + 1).Select(i =>
            BatchRollupTests.Result(m.Id, host, T0.AddMinutes(20 * i), !(k % 2 == 1 && i == k), 10 * (k + 1) + i))).ToList();

        await pipeline.Get<ResultBatchStore>().StoreAsync(results, cts.Token);

        await using var db = pipeline.CreateDbContext();
        var buckets = await db.AvailabilityBuckets.AsNoTracking().ToListAsync(cts.Token);
        var states = await db.Monitors.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Current, cts.Token);
        for (var k = 0; k < monitors.Count; k++)
        {
            var mine = results.Where(r => r.MonitorId == monitors[k].Id).ToList();
            var last = mine[^1];
            var state = states[monitors[k].Id];
            Assert.Equal((last.Timestamp, last.Success, last.LatencyMs), (state.LastProbeAt, state.LastSuccess, state.LastLatencyMs));
            var day = Assert.Single(buckets, b => b.MonitorId == monitors[k].Id && b.Size == BucketSize.Day);
            Assert.Equal((mine.Count, mine.Count(r => r.Success)), (day.Total, day.Successes));
            var hours = buckets.Where(b => b.MonitorId == monitors[k].Id && b.Size == BucketSize.Hour).OrderBy(b => b.Start).ToList();
            Assert.Equal(mine.GroupBy(r => BatchRollup.StartOf(BucketSize.Hour, r.Timestamp)).Select(g => (g.Key, g.Count())),
                hours.Select(b => (b.Start, b.Total)));
        }
    }

    [Fact]
    public async Task Push_pings_of_several_monitors_move_each_ones_own_deadline()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        var monitors = await AddMonitorsAsync(pipeline, 3);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var pings = monitors.Select((m, k) =>
        {
            var ping = BatchRollupTests.Result(m.Id, pipeline.ServerHostId, T0.AddSeconds(k), true, 1);
            ping.MovesPushDeadlineTo = T0.AddMinutes(10 + k);
            return ping;
        }).ToList();

        await pipeline.Get<ResultBatchStore>().StoreAsync(pings, cts.Token);

        await using var db = pipeline.CreateDbContext();
        var rows = await db.Monitors.AsNoTracking().ToDictionaryAsync(m => m.Id, cts.Token);
        Assert.All(pings, p => Assert.Equal((p.MovesPushDeadlineTo, p.Timestamp), (rows[p.MonitorId].PushDeadline, rows[p.MonitorId].PushLastPingAt)));
    }

    [Fact]
    public async Task An_empty_batch_stores_nothing_and_does_not_fail()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var stored = await pipeline.Get<ResultBatchStore>().StoreAsync([], cts.Token);

        Assert.Empty(stored.Results);
        await using var db = pipeline.CreateDbContext();
        Assert.Equal(0, await db.ProbeResults.CountAsync(cts.Token));
    }

    private static async Task<List<MonitorDefinition>> AddMonitorsAsync(PipelineServices pipeline, int count)
    {
        var monitors = new List<MonitorDefinition>();
        for (var i = 0; i < count; i++)
            monitors.Add(await pipeline.AddMonitorAsync(TestMonitors.Http($"m{i}", new Uri($"http://127.0.0.1:{i + 1}/"))));
        return monitors;
    }
}
