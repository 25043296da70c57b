using FsCheck;
using FsCheck.Fluent;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Agents.Runtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Agents;

/// <summary>The agent's on-disk queue: order, acknowledgement, restarts, the cap, and a crash in the middle of a write.</summary>
public class ResultSpoolTests
{
    private static readonly DateTime Start = new(2025, 10, 7, 10, 0, 0, DateTimeKind.Utc);

    private static UploadedResult Result(int n) => new(n, Start.AddSeconds(n), n % 2 == 0, n, 0, null, null);

    private static int[] Ids(SpoolBatch batch) => [.. batch.Results.Select(r => r.MonitorId)];

    [Fact]
    public void Results_come_out_in_the_order_they_went_in_across_segments()
    {
        using var dir = new TempDirectory();
        using var spool = new ResultSpool(dir.Path, capacity: 1000, segmentLines: 7);
        spool.Append([.. Enumerable.Range(1, 20).Select(Result)]);

        Assert.Equal(20, spool.Count);
        Assert.Equal(Enumerable.Range(1, 10), Ids(spool.Peek(10)));
        spool.Acknowledge(10);
        Assert.Equal(Enumerable.Range(11, 10), Ids(spool.Peek(100)));
        Assert.Equal(Start.AddSeconds(11), spool.Peek(1).Results[0].Timestamp);
    }

    [Fact]
    public void Unacknowledged_results_survive_a_reopen_and_acknowledged_ones_do_not_return()
    {
        using var dir = new TempDirectory();
        using (var spool = new ResultSpool(dir.Path, capacity: 1000, segmentLines: 4))
        {
            spool.Append([.. Enumerable.Range(1, 10).Select(Result)]);
            spool.Acknowledge(spool.Peek(3).Lines);
        }
        using (var reopened = new ResultSpool(dir.Path, capacity: 1000, segmentLines: 4))
        {
            Assert.Equal(7, reopened.Count);
            reopened.Append([Result(11)]);
            Assert.Equal(Enumerable.Range(4, 8), Ids(reopened.Peek(100)));
            reopened.Acknowledge(8);
            Assert.Equal(0, reopened.Count);
        }
        using var empty = new ResultSpool(dir.Path, capacity: 1000, segmentLines: 4);
        Assert.Equal(0, empty.Count);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.jsonl"));
    }

    [Fact]
    public void Beyond_the_cap_the_oldest_results_are_dropped_and_counted()
    {
        using var dir = new TempDirectory();
        using var spool = new ResultSpool(dir.Path, capacity: 10, segmentLines: 3);
        foreach (var n in Enumerable.Range(1, 25)) spool.Append([Result(n)]);

        Assert.Equal(10, spool.Count);
        Assert.Equal(15, spool.Dropped);
        Assert.Equal(Enumerable.Range(16, 10), Ids(spool.Peek(100)));
        Assert.True(Directory.GetFiles(dir.Path, "*.jsonl").Length <= 5, "dropped segments are deleted from disk");
    }

    [Fact]
    public void A_line_torn_by_a_crash_is_cut_off_and_the_rest_is_kept()
    {
        using var dir = new TempDirectory();
        using (var spool = new ResultSpool(dir.Path, capacity: 100))
            spool.Append([Result(1), Result(2)]);
        var segment = Directory.GetFiles(dir.Path, "*.jsonl").Single();
        File.AppendAllText(segment, "{\"monitorId\":3,\"timest");

        using var reopened = new ResultSpool(dir.Path, capacity: 100);
        reopened.Append([Result(4)]);
        Assert.Equal([1, 2, 4], Ids(reopened.Peek(100)));
    }

    [Fact]
    public void Any_sequence_of_appends_and_acknowledgements_keeps_order_and_count()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<int[]>(steps =>
        {
            using var dir = new TempDirectory();
            var spool = new ResultSpool(dir.Path, capacity: 1_000_000, segmentLines: 5);
            var expected = new Queue<int>();
            var next = 0;
            foreach (var step in steps.Take(30))
            {
                if (step >= 0)
                {
                    var batch = Enumerable.Range(next, step % 12).ToList();
                    next += batch.Count;
                    spool.Append([.. batch.Select(Result)]);
                    batch.ForEach(expected.Enqueue);
                }
                else
                {
                    var take = spool.Peek(-step % 9);
                    spool.Acknowledge(take.Lines);
                    for (var i = 0; i < take.Lines; i++) expected.Dequeue();
                }
                if (step % 4 == 0)
                {
                    spool.Dispose();
                    spool = new ResultSpool(dir.Path, capacity: 1_000_000, segmentLines: 5);
                }
            }
            var ok = spool.Count == expected.Count && Ids(spool.Peek(int.MaxValue)).SequenceEqual(expected);
            spool.Dispose();
            return ok;
        }));
    }
}
