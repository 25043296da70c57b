using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Seed 002 on two real server processes sharing one PostgreSQL and one redis-server: a group whose monitors are
/// probed partly by each node gets exactly one callback per round, and every callback carries every record.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class IpLiveAcrossNodesTests(ITestOutputHelper output, ThrowawayPostgres postgres) : ClusterProcessTest(output, postgres)
{
    /// <summary>Enough that the hash splits them over two nodes (all on one node: a chance of 2 in 2^20 per start).</summary>
    private const int Records = 20;
    private const int IntervalSeconds = 2;

    private CountingTarget _target = null!;
    private WebhookReceiver _callback = null!;

    protected override async Task StartHelpersAsync()
    {
        _target = await CountingTarget.StartAsync();
        _callback = await WebhookReceiver.StartAsync();
    }

    protected override async ValueTask DisposeHelpersAsync()
    {
        await _callback.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task A_group_probed_by_both_nodes_gets_one_callback_per_round_with_every_record()
    {
        var a = await Live.StartAsync("node-a");   // alone first: it creates the initial rows
        var b = await Live.StartAsync("node-b");
        var token = await CreateAppAsync(a.Api, "portal", _callback.Url + "/iplive/callback");
        var port = new Uri(_target.BaseUrl).Port.ToString();
        await AssertCodeAsync(await PostFormAsync(b.Api, "/operate_monitor", ("app_name", "portal"), ("token", token), ("group_id", "77"),
            ("record_ids", string.Join(':', Enumerable.Range(1, Records))), ("ips", string.Join(':', Enumerable.Repeat("127.0.0.1", Records))),
            ("port", port), ("path", "/m/1"), ("http_code", "200"), ("interval", IntervalSeconds.ToString()), ("timeout", "1")), 0);

        // Both nodes live and each probing part of the group: a whole round then needs results from both.
        await WaitForLiveNodesAsync(5, live => live.Count == 2 && live.All(n => n.RoundsOwned is > 0 and < Records),
            "both nodes to share the group's rounds", TimeSpan.FromSeconds(90));
        // Rounds that straddled the join may be cut short; judge the ones that start after it.
        var from = DateTimeOffset.UtcNow.AddSeconds(IntervalSeconds).ToUnixTimeSeconds();

        var rounds = await Eventually.GetAsync(() =>
        {
            var later = Callbacks().Where(c => c.Timestamp >= from).ToList();
            return Task.FromResult(later.Count >= 4 ? later : null);
        }, "four round callbacks after both nodes share the group", 60_000);

        Assert.All(rounds, r => Assert.Equal(Enumerable.Range(1, Records).Select(i => i.ToString()), r.Records));
        Assert.All(rounds, r => Assert.All(r.Statuses, s => Assert.Equal("1", s)));
        // One callback per round: no round reported twice (by the other node), and rounds an interval apart.
        var times = rounds.Select(r => r.Timestamp).Order().ToList();
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= IntervalSeconds - 1, $"rounds at {string.Join(", ", times)}"));
    }

    private sealed record Round(long Timestamp, IReadOnlyList<string> Records, IReadOnlyList<string> Statuses);

    private IEnumerable<Round> Callbacks() => _callback.Requests.ToList().Select(request =>
    {
        var fields = QueryHelpers.ParseQuery(request.Body);
        var result = JsonDocument.Parse(fields["result"].ToString()).RootElement.EnumerateArray().ToList();
        return new Round(long.Parse(fields["timestamp"].ToString()),
            [.. result.Select(r => r.GetProperty("record_id").GetString()!)], [.. result.Select(r => r.GetProperty("status").GetString()!)]);
    });
}
