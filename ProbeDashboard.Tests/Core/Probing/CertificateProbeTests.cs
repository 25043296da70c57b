using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>
/// Certificates made in the test, served on 127.0.0.1 by Kestrel (https) and by a bare TLS port: what the probes
/// record about them, and when they pass.
/// </summary>
public sealed class CertificateProbeTests : IDisposable
{
    private readonly ProbeServices _probes = new();

    public void Dispose() => _probes.Dispose();

    private static DateTimeOffset InDays(double days) =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(days).ToUnixTimeSeconds());

    private static MonitorDefinition Tls(string target) => new() { Id = 61, Name = "tls", Kind = MonitorKind.Tls, Target = target, TimeoutSeconds = 5 };

    private static void AssertCertificate(ProbeResult result, DateTimeOffset notAfter)
    {
        Assert.Equal(notAfter.UtcDateTime, result.CertificateExpiresAt);
        Assert.Equal("CN=probe-target", result.CertificateSubject);
        // Self-signed: the issuer is the subject.
        Assert.Equal("CN=probe-target", result.CertificateIssuer);
    }

    [Fact]
    public async Task A_tls_monitor_refuses_an_untrusted_certificate_on_a_plain_tls_port_and_still_records_it()
    {
        var notAfter = InDays(90);
        using var certificate = TargetServer.SelfSignedCertificate(notAfter);
        await using var server = TlsTestServer.Start(certificate);

        var result = await _probes.RunAsync(Tls(server.Target));

        Assert.False(result.Success);
        Assert.Equal("TLS handshake failed: certificate chain not trusted or expired", result.ErrorMessage);
        AssertCertificate(result, notAfter);
        Assert.True(result.LatencyMs > 0);
    }

    [Fact]
    public async Task A_tls_monitor_fails_on_a_closed_port_and_on_a_port_that_does_not_speak_tls()
    {
        var closed = await _probes.RunAsync(Tls($"127.0.0.1:{TargetServer.ClosedPort()}"));
        Assert.Equal("connection refused", closed.ErrorMessage);

        await using var plainHttp = await TargetServer.StartAsync();
        var notTls = await _probes.RunAsync(Tls($"127.0.0.1:{plainHttp.Port}"));
        Assert.False(notTls.Success);
        Assert.Null(notTls.CertificateExpiresAt);
        Assert.False(string.IsNullOrEmpty(notTls.ErrorMessage));
    }

    [Fact]
    public async Task Https_passes_a_self_signed_certificate_only_with_ignore_tls_errors_and_records_it_either_way()
    {
        var notAfter = InDays(90);
        using var certificate = TargetServer.SelfSignedCertificate(notAfter);
        await using var https = await TargetServer.StartAsync(certificate);
        var monitor = TestMonitors.Http("self-signed", https.Url("/ok"));

        var refused = await _probes.RunAsync(monitor);
        Assert.False(refused.Success);
        Assert.StartsWith("TLS handshake failed", refused.ErrorMessage);
        AssertCertificate(refused, notAfter);

        monitor.Http.IgnoreTlsErrors = true;
        var accepted = await _probes.RunAsync(monitor);
        Assert.True(accepted.Success, accepted.ErrorMessage);
        Assert.Equal(200, accepted.StatusCode);
        AssertCertificate(accepted, notAfter);
    }

    [Fact]
    public async Task An_expired_certificate_fails_and_with_ignore_tls_errors_passes_with_its_past_expiry()
    {
        var notAfter = InDays(-2);
        using var certificate = TargetServer.SelfSignedCertificate(notAfter);
        await using var https = await TargetServer.StartAsync(certificate);
        var monitor = TestMonitors.Http("expired", https.Url("/ok"));

        var refused = await _probes.RunAsync(monitor);
        Assert.False(refused.Success);
        AssertCertificate(refused, notAfter);

        monitor.Http.IgnoreTlsErrors = true;
        var accepted = await _probes.RunAsync(monitor);
        Assert.True(accepted.Success, accepted.ErrorMessage);
        Assert.True(accepted.CertificateExpiresAt < DateTime.UtcNow);
    }

    [Fact]
    public async Task Ignoring_tls_errors_on_one_monitor_does_not_loosen_another_on_the_same_host()
    {
        using var certificate = TargetServer.SelfSignedCertificate(InDays(30));
        await using var https = await TargetServer.StartAsync(certificate);
        var lenient = TestMonitors.Http("lenient", https.Url("/ok"));
        lenient.Http.IgnoreTlsErrors = true;
        Assert.True((await _probes.RunAsync(lenient)).Success);

        var strict = await _probes.RunAsync(TestMonitors.Http("strict", https.Url("/ok")));
        Assert.False(strict.Success);
    }
}
