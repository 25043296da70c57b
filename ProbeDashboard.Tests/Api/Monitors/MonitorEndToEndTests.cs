using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>
/// Monitors created through the API, probed for real against a Kestrel target on 127.0.0.1 by the app's own runner
/// and writer (what a scheduler fire does), then read back through the API: list, statistics, history, availability.
/// </summary>
public sealed class MonitorEndToEndTests : IAsyncLifetime
{
    private readonly DashboardFactory _app = new();
    private TargetServer _target = null!;

    public async Task InitializeAsync() => _target = await TargetServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task What_the_probes_find_is_what_the_API_reports()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await _app.CreateClientAsync(UserRole.Operator);
        var up = await CreateAsync(client, Http("up", _target.Url("/ok"), keyword: "is ok"));
        var wrong = await CreateAsync(client, Http("wrong status", _target.Url("/status/503"), expected: "200"));
        var down = await CreateAsync(client, Http("down", new Uri($"http://127.0.0.1:{TargetServer.ClosedPort()}/ok")));

        for (var round = 0; round < 3; round++) await ProbeRoundAsync(cts.Token);

        var list = (await GetAsync(client, $"{BasePath}?type=1")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt32());
        Assert.Equal(("online", 100.0, "success"), Summary(list[up]));
        Assert.Equal(("offline", 0.0, "fail"), Summary(list[wrong]));
        Assert.Equal(("offline", 0.0, "fail"), Summary(list[down]));
        Assert.True(list[up].GetProperty("avg_latency_24h").GetDouble() > 0);

        var statistics = (await GetAsync(client, $"{BasePath}/{up}")).GetProperty("statistics");
        Assert.Equal((3, 3, 0), (statistics.GetProperty("total_probes_24h").GetInt32(),
            statistics.GetProperty("success_probes_24h").GetInt32(), statistics.GetProperty("fail_probes_24h").GetInt32()));
        Assert.Equal(100.0, statistics.GetProperty("availability_1h").GetDouble());

        var history = await GetAsync(client, $"{BasePath}/{wrong}/probe-history");
        Assert.Equal(3, history.GetArrayLength());
        Assert.All(history.EnumerateArray(), r =>
        {
            Assert.Equal("expected status 200, got 503", r.GetProperty("error_message").GetString());
            Assert.Equal(503, r.GetProperty("status_code").GetInt32());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("host_name").GetString()));
        });
        Assert.Equal("connection refused", (await GetAsync(client, $"{BasePath}/{down}/probe-history?limit=1"))[0].GetProperty("error_message").GetString());

        var hours = await GetAsync(client, $"{BasePath}/{down}/availability?period=hour");
        var days = await GetAsync(client, $"{BasePath}/{up}/availability?period=day");
        // Summed over points: the three rounds may straddle an hour or a day boundary.
        Assert.Equal(3, hours.EnumerateArray().Sum(h => h.GetProperty("total_probes").GetInt32()));
        Assert.All(hours.EnumerateArray(), h => Assert.Equal(0.0, h.GetProperty("availability").GetDouble()));
        Assert.Equal(3, days.EnumerateArray().Sum(d => d.GetProperty("success_probes").GetInt32()));
        Assert.All(days.EnumerateArray(), d => Assert.Equal(100.0, d.GetProperty("availability").GetDouble()));
    }

    private static Dictionary<string, object?> Http(string name, Uri url, string? keyword = null, string? expected = null)
    {
        var body = Minimal(name, type: 1, target: url.ToString());
        body["timeout"] = 5;
        body["http"] = new Dictionary<string, object?> { ["keyword"] = keyword, ["expected_status_codes"] = expected };
        return body;
    }

    /// <summary>One fire of every enabled monitor from the server's own host, awaited until the results are committed.</summary>
    private async Task ProbeRoundAsync(CancellationToken cancellationToken)
    {
        var hosts = await EnsureHostsAsync(_app);
        var monitors = await _app.WithDbAsync(db => db.Monitors.AsNoTracking().Where(m => m.Enabled).ToListAsync(cancellationToken));
        var runner = _app.Services.GetRequiredService<ProbeRunner>();
        var results = await Task.WhenAll(monitors.Select(m => runner.RunAsync(m, hosts.ServerId, cancellationToken)));
        await _app.Services.GetRequiredService<ResultWriter>().SubmitAsync(results, cancellationToken);
    }

    private static (string?, double, string?) Summary(JsonElement item) => (
        item.GetProperty("current_status").GetString(),
        item.GetProperty("availability_24h").GetDouble(),
        item.GetProperty("last_probe_result").GetString());

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data");
    }
}
