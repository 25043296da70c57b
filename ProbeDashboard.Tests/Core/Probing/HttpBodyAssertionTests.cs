using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing.Http;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>JSON queries and an inverted keyword against a real target whose body the test changes between probes.</summary>
public sealed class HttpBodyAssertionTests : IAsyncLifetime, IDisposable
{
    private readonly ProbeServices _probes = new();
    private TargetServer _target = null!;

    public async Task InitializeAsync() => _target = await TargetServer.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    public void Dispose() => _probes.Dispose();

    private MonitorDefinition Json(string query, string? expected, string? op = null)
    {
        var monitor = TestMonitors.Http("json", _target.Url("/body"));
        (monitor.Http.JsonQuery, monitor.Http.JsonExpected, monitor.Http.JsonOperator) = (query, expected, op);
        return monitor;
    }

    [Fact]
    public async Task A_status_that_turns_from_ok_to_degraded_fails_saying_what_it_found()
    {
        var monitor = Json("$.status", "ok");
        _target.Body = """{"status":"ok"}""";
        var ok = await _probes.RunAsync(monitor);
        Assert.True(ok.Success, ok.ErrorMessage);

        _target.Body = """{"status":"degraded"}""";
        var degraded = await _probes.RunAsync(monitor);
        Assert.False(degraded.Success);
        Assert.Equal("JSON $.status is degraded, expected == ok", degraded.ErrorMessage);
        Assert.Equal(200, degraded.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_fails_saying_so()
    {
        _target.Body = "<html>ok</html>";
        var result = await _probes.RunAsync(Json("$.status", "ok"));
        Assert.False(result.Success);
        Assert.Equal("response body is not JSON", result.ErrorMessage);
    }

    [Theory]
    [InlineData("$.checks[0].ok", "true", "==", true)]
    [InlineData("$.checks[1].ok", "true", "!=", true)]
    [InlineData("$.version", "2.4", "contains", true)]
    [InlineData("$.queue", "100", "<", true)]
    [InlineData("$.queue", "10", "<", false)]
    [InlineData("$.load", "0.5", ">", true)]
    [InlineData("$.built", "2026-12-06T05:00:00Z", "==", true)]
    [InlineData("$.missing", null, null, false)]
    [InlineData("$.version", null, null, true)]
    public async Task Operators_compare_as_text_or_as_numbers(string query, string? expected, string? op, bool passes)
    {
        _target.Body = """{"checks":[{"ok":true},{"ok":false}],"version":"v2.4.1","queue":42,"load":0.75,"built":"2026-12-06T05:00:00Z"}""";
        var result = await _probes.RunAsync(Json(query, expected, op));
        Assert.True(result.Success == passes, result.ErrorMessage);
    }

    [Fact]
    public async Task An_inverted_keyword_must_not_appear()
    {
        var monitor = TestMonitors.Http("invert", _target.Url("/body"), keyword: "maintenance");
        monitor.Http.KeywordInvert = true;
        _target.Body = "all good";
        Assert.True((await _probes.RunAsync(monitor)).Success);

        _target.Body = "down for maintenance";
        var found = await _probes.RunAsync(monitor);
        Assert.False(found.Success);
        Assert.Equal("keyword 'maintenance' found, but must not be", found.ErrorMessage);
    }

    [Theory]
    [InlineData("$.status", true)]
    [InlineData("$.checks[0].ok", true)]
    [InlineData("$.[", false)]
    [InlineData("$['unclosed", false)]
    public void Queries_are_checked_before_they_are_saved(string query, bool valid) =>
        Assert.Equal(valid, JsonAssertion.QueryProblem(query) is null);
}
