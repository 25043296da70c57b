using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Tests.Core.Monitors;

public class MonitorValidatorTests
{
    private static readonly MonitorRules Rules = new(MinIntervalSeconds: 5, HostIds: new HashSet<int> { 1, 2, 3 }, GroupIds: new HashSet<int> { 7 });

    private static readonly MonitorInput Valid = new()
    {
        Name = "web",
        Type = 1,
        Target = "https://example.test/health",
        Duration = 60,
        Timeout = 10,
        Retry = 3,
        ExecuteOn = new ExecuteOnInput("group", GroupId: 7),
        SkipHosts = [2, 3],
        FailThreshold = 3,
        LatencyAlert = true,
        MaxLatency = 2.0,
    };

    /// <summary>Each case breaks one rule of a valid input; the error must name exactly that wire field.</summary>
    public static TheoryData<string, MonitorInput, string> Broken => new()
    {
        { "no name", Valid with { Name = "  " }, "name" },
        { "name too long", Valid with { Name = new string('n', 201) }, "name" },
        { "no type", Valid with { Type = null }, "type" },
        { "unknown type code", Valid with { Type = 7 }, "type" },
        { "no target", Valid with { Target = null }, "target" },
        { "ftp url", Valid with { Target = "ftp://example.test/" }, "target" },
        { "url without scheme", Valid with { Target = "example.test/health" }, "target" },
        { "tcp without port", Valid with { Type = 2, Target = "db.example.test" }, "target" },
        { "tcp port out of range", Valid with { Type = 2, Target = "db.example.test:70000" }, "target" },
        { "tcp unbracketed ipv6", Valid with { Type = 2, Target = "::1:80" }, "target" },
        { "icmp with scheme", Valid with { Type = 3, Target = "http://example.test" }, "target" },
        { "icmp with port", Valid with { Type = 3, Target = "example.test:80" }, "target" },
        { "no duration", Valid with { Duration = null }, "duration" },
        { "duration below minimum", Valid with { Duration = 4, Timeout = 2 }, "duration" },
        { "duration above a day", Valid with { Duration = 86_401 }, "duration" },
        { "timeout zero", Valid with { Timeout = 0 }, "timeout" },
        { "timeout equals duration", Valid with { Timeout = 60 }, "timeout" },
        { "timeout above duration", Valid with { Duration = 30, Timeout = 45 }, "timeout" },
        { "negative retry", Valid with { Retry = -1 }, "retry" },
        { "absurd retry", Valid with { Retry = 11 }, "retry" },
        { "fail threshold zero", Valid with { FailThreshold = 0 }, "fail_threshold" },
        { "latency alert without threshold", Valid with { MaxLatency = null }, "max_latency" },
        { "negative max latency", Valid with { MaxLatency = -1 }, "max_latency" },
        { "zero max latency", Valid with { LatencyAlert = false, MaxLatency = 0 }, "max_latency" },
        { "unknown execute_on type", Valid with { ExecuteOn = new ExecuteOnInput("cluster") }, "execute_on.type" },
        { "group without id", Valid with { ExecuteOn = new ExecuteOnInput("group") }, "execute_on.group_id" },
        { "unknown group", Valid with { ExecuteOn = new ExecuteOnInput("group", GroupId: 8) }, "execute_on.group_id" },
        { "hosts without ids", Valid with { ExecuteOn = new ExecuteOnInput("hosts", HostIds: []) }, "execute_on.host_ids" },
        { "unknown host to run on", Valid with { ExecuteOn = new ExecuteOnInput("hosts", HostIds: [1, 9]) }, "execute_on.host_ids" },
        { "unknown host to skip", Valid with { SkipHosts = [2, 42] }, "skip_hosts" },
        { "notification id zero", Valid with { NotificationId = 0 }, "notification_id" },
        { "http options on tcp", Valid with { Type = 2, Target = "db.example.test:5432", Http = new HttpOptionsInput() }, "http" },
        { "unknown method", Valid with { Http = new HttpOptionsInput { Method = "BREW" } }, "http.method" },
        { "bad header name", Valid with { Http = new HttpOptionsInput { Headers = new Dictionary<string, string> { ["X Bad"] = "1" } } }, "http.headers" },
        { "header value with newline", Valid with { Http = new HttpOptionsInput { Headers = new Dictionary<string, string> { ["X-Ok"] = "a\r\nb" } } }, "http.headers" },
        { "bad host header", Valid with { Http = new HttpOptionsInput { HostHeader = "not a host" } }, "http.host_header" },
        { "status code out of range", Valid with { Http = new HttpOptionsInput { ExpectedStatusCodes = "200,600" } }, "http.expected_status_codes" },
        { "descending status range", Valid with { Http = new HttpOptionsInput { ExpectedStatusCodes = "399-300" } }, "http.expected_status_codes" },
        { "status codes not numbers", Valid with { Http = new HttpOptionsInput { ExpectedStatusCodes = "2xx" } }, "http.expected_status_codes" },
        { "pinned ip that is a name", Valid with { Http = new HttpOptionsInput { PinnedIps = ["10.0.0.1", "origin.example.test"] } }, "http.pinned_ips" },
        { "pinned ip shorthand", Valid with { Http = new HttpOptionsInput { PinnedIps = ["10.1"] } }, "http.pinned_ips" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_reported_under_its_wire_field_only(string why, MonitorInput input, string field)
    {
        var errors = MonitorValidator.Validate(input, Rules);

        Assert.True(errors.ContainsKey(field), $"{why}: expected an error on {field}, got [{string.Join(", ", errors.Keys)}]");
        Assert.Single(errors);
    }

    public static TheoryData<string, MonitorInput> Accepted => new()
    {
        { "the seed's example", Valid },
        { "http on a port with a query", Valid with { Target = "http://127.0.0.1:8080/status?full=1" } },
        { "tcp host:port", Valid with { Type = 2, Target = "db.example.test:5432" } },
        { "tcp ipv4", Valid with { Type = 2, Target = "10.0.0.5:22" } },
        { "tcp bracketed ipv6", Valid with { Type = 2, Target = "[::1]:8080" } },
        { "icmp name", Valid with { Type = 3, Target = "gateway.example.test" } },
        { "icmp ipv4", Valid with { Type = 3, Target = "192.0.2.1" } },
        { "icmp ipv6", Valid with { Type = 3, Target = "2001:db8::1" } },
        { "only required fields", new MonitorInput { Name = "x", Type = 3, Target = "192.0.2.1", Duration = 5 } },
        { "minimum interval with default timeout", new MonitorInput { Name = "x", Type = 1, Target = "http://a.test", Duration = 5 } },
        { "run on listed hosts", Valid with { ExecuteOn = new ExecuteOnInput("hosts", HostIds: [1, 2]) } },
        { "run everywhere", Valid with { ExecuteOn = null, SkipHosts = null } },
        {
            "every http option",
            Valid with
            {
                Http = new HttpOptionsInput
                {
                    Method = "post", Headers = new Dictionary<string, string> { ["X-Probe"] = "1" }, HostHeader = "www.example.test:8443",
                    Cookies = "a=1; b=2", ExpectedStatusCodes = "200, 204, 300-399", Keyword = "ok", FollowRedirects = false,
                    PinnedIps = ["192.0.2.10", "2001:db8::10"],
                },
            }
        },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Valid_inputs_have_no_errors(string why, MonitorInput input)
    {
        var errors = MonitorValidator.Validate(input, Rules);
        Assert.True(errors.Count == 0, $"{why}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
    }

    [Fact]
    public void The_minimum_interval_comes_from_the_settings()
    {
        var oneSecond = new MonitorInput { Name = "x", Type = 3, Target = "192.0.2.1", Duration = 2, Timeout = 1 };

        Assert.Empty(MonitorValidator.Validate(oneSecond, Rules with { MinIntervalSeconds = 1 }));
        Assert.Contains("duration", MonitorValidator.Validate(oneSecond, Rules).Keys);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = MonitorValidator.Validate(new MonitorInput { Type = 2, Target = "nope", Duration = 1, Retry = -2 }, Rules);

        Assert.Equal(["duration", "name", "retry", "target"], errors.Keys.Order());
    }

    [Theory]
    [InlineData(60, null, 10)]
    [InlineData(8, null, 7)]
    [InlineData(30, 20, 20)]
    public void An_unset_timeout_defaults_to_10_seconds_or_just_under_the_interval(int duration, int? timeout, int expected)
    {
        var monitor = new MonitorDefinition();
        new MonitorInput { Name = "x", Type = 3, Target = "192.0.2.1", Duration = duration, Timeout = timeout }.ApplyTo(monitor);
        Assert.Equal(expected, monitor.TimeoutSeconds);
    }
}
