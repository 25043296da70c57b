using Microsoft.Extensions.Logging.Abstractions;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Probing.Http;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>Real probes from the runner against a real Kestrel target on 127.0.0.1.</summary>
public sealed class ProbeRunnerTests : IAsyncLifetime, IDisposable
{
    private readonly ProbeServices _probes = new();
    private TargetServer _target = null!;

    public async Task InitializeAsync() => _target = await TargetServer.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    public void Dispose() => _probes.Dispose();

    private Task<ProbeDashboard.Core.Results.ProbeResult> RunAsync(MonitorDefinition monitor) => _probes.RunAsync(monitor);

    [Fact]
    public async Task Sends_method_headers_host_override_and_cookies_and_finds_them_in_the_body()
    {
        var monitor = TestMonitors.Http("echo", _target.Url("/echo"), keyword: "host=shop.example cookie=session=abc x-probe=yes method=HEAD");
        monitor.Http.Method = "HEAD";
        var head = await RunAsync(monitor);
        Assert.Equal(200, head.StatusCode);

        monitor.Http.Method = "POST";
        monitor.Http.HostHeader = "shop.example";
        monitor.Http.Cookies = "session=abc";
        monitor.Http.Headers["X-Probe"] = "yes";
        monitor.Http.Keyword = "host=shop.example cookie=session=abc x-probe=yes method=POST";
        var result = await RunAsync(monitor);

        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal((7, monitor.Id), (result.HostId, result.MonitorId));
        Assert.Null(result.CertificateExpiresAt);
    }

    [Fact]
    public async Task Follows_redirects_only_when_asked()
    {
        var monitor = TestMonitors.Http("redirect", _target.Url("/redirect"), expected: "200");
        var followed = await RunAsync(monitor);
        Assert.True(followed.Success, followed.ErrorMessage);
        Assert.Equal(200, followed.StatusCode);

        monitor.Http.FollowRedirects = false;
        var notFollowed = await RunAsync(monitor);
        Assert.False(notFollowed.Success);
        Assert.Equal(302, notFollowed.StatusCode);
        Assert.Equal("expected status 200, got 302", notFollowed.ErrorMessage);
    }

    [Fact]
    public async Task Pinned_ips_reach_the_origin_without_dns_and_name_the_failing_origin()
    {
        // The host name resolves nowhere (and is never looked up): only the pinned IP can make this work.
        var monitor = TestMonitors.Http("pinned", new Uri($"http://probe-target.invalid:{_target.Port}/echo"), keyword: "host=probe-target.invalid");
        monitor.Http.PinnedIps = ["127.0.0.1"];
        var pinned = await RunAsync(monitor);
        Assert.True(pinned.Success, pinned.ErrorMessage);

        // 127.0.0.2 is loopback too, but the target listens on 127.0.0.1 only.
        monitor.Http.PinnedIps = ["127.0.0.1", "127.0.0.2"];
        var oneDown = await RunAsync(monitor);
        Assert.False(oneDown.Success);
        Assert.Equal("127.0.0.2: connection refused", oneDown.ErrorMessage);
    }

    [Fact]
    public async Task Retries_inside_one_round_and_reports_the_last_failure()
    {
        var monitor = TestMonitors.Http("down", new Uri($"http://127.0.0.1:{TargetServer.ClosedPort()}/"));
        monitor.Retry = 2;
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        var result = await RunAsync(monitor);

        Assert.False(result.Success);
        Assert.Equal("connection refused", result.ErrorMessage);
        Assert.InRange(result.Timestamp, started.AddSeconds(-1), started.AddSeconds(5));
    }

    [Fact]
    public async Task Records_the_certificate_expiry_of_an_https_target_even_when_it_is_not_trusted()
    {
        var notAfter = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(10).AddHours(12));
        using var certificate = TargetServer.SelfSignedCertificate(notAfter);
        await using var https = await TargetServer.StartAsync(certificate);

        var result = await RunAsync(TestMonitors.Http("tls", https.Url("/ok")));

        Assert.False(result.Success);
        Assert.StartsWith("TLS handshake failed", result.ErrorMessage);
        Assert.Equal(notAfter.UtcDateTime, result.CertificateExpiresAt);
    }

    [Fact]
    public async Task Tcp_connects_to_host_and_port()
    {
        var up = await RunAsync(TestMonitors.Tcp("tcp up", $"127.0.0.1:{_target.Port}"));
        Assert.True(up.Success, up.ErrorMessage);
        Assert.Equal(0, up.StatusCode);

        var down = await RunAsync(TestMonitors.Tcp("tcp down", $"127.0.0.1:{TargetServer.ClosedPort()}"));
        Assert.Equal("connection refused", down.ErrorMessage);
    }

    [Fact]
    public async Task Icmp_to_loopback_answers_or_says_it_is_not_permitted()
    {
        var monitor = new MonitorDefinition { Kind = MonitorKind.Icmp, Target = "127.0.0.1", TimeoutSeconds = 2 };
        var result = await RunAsync(monitor);

        Assert.True(result.Success || result.ErrorMessage == IcmpProbe.NotPermitted, result.ErrorMessage);
    }
}
