using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>
/// Probing:TrustedCaFile: a private CA made by openssl in the test, a leaf it issued served on 127.0.0.1 by Kestrel
/// (https) and by a bare TLS port. Trusted only with the setting; nothing else is loosened by it.
/// </summary>
public sealed class TrustedCaProbeTests : IAsyncLifetime
{
    private TestCertificate _authority = null!;
    private TestCertificate _leaf = null!;

    public async Task InitializeAsync()
    {
        _authority = await TestCertificate.AuthorityAsync();
        _leaf = await _authority.IssueAsync(days: 90);
    }

    public Task DisposeAsync()
    {
        _leaf.Dispose();
        _authority.Dispose();
        return Task.CompletedTask;
    }

    private ProbeServices Trusting() => new(new Dictionary<string, string?> { [TlsTrust.SettingKey] = _authority.CertificateFile });

    private static MonitorDefinition Tls(string target) => new() { Id = 62, Name = "tls", Kind = MonitorKind.Tls, Target = target, TimeoutSeconds = 5 };

    [Fact]
    public async Task An_https_target_with_a_private_ca_certificate_is_trusted_only_with_the_ca_file_and_reports_its_days_left()
    {
        using var served = _leaf.Load();
        await using var https = await TargetServer.StartAsync(served);
        var monitor = TestMonitors.Http("private ca", https.Url("/ok"));

        using (var plain = new ProbeServices())
        {
            var refused = await plain.RunAsync(monitor);
            Assert.False(refused.Success);
            Assert.StartsWith("TLS handshake failed", refused.ErrorMessage);
        }

        using var trusting = Trusting();
        var result = await trusting.RunAsync(monitor);
        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("CN=ProbeDashboard Test CA", result.CertificateIssuer);
        Assert.Equal("CN=127.0.0.1", result.CertificateSubject);
        Assert.InRange(SeenCertificate.DaysLeft(result.CertificateExpiresAt!.Value, DateTime.UtcNow), 89, 90);
    }

    [Fact]
    public async Task A_tls_monitor_on_a_plain_tls_port_trusts_the_private_ca_with_the_ca_file()
    {
        using var served = _leaf.Load();
        await using var port = TlsTestServer.Start(served);

        using (var plain = new ProbeServices())
            Assert.Equal("TLS handshake failed: certificate chain not trusted or expired", (await plain.RunAsync(Tls(port.Target))).ErrorMessage);

        using var trusting = Trusting();
        var result = await trusting.RunAsync(Tls(port.Target));
        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal("CN=ProbeDashboard Test CA", result.CertificateIssuer);
        Assert.True(result.CertificateExpiresAt > DateTime.UtcNow.AddDays(89));
    }

    [Fact]
    public async Task The_ca_file_does_not_trust_other_certificates_or_forgive_a_wrong_host_name()
    {
        using var trusting = Trusting();
        using var stranger = TargetServer.SelfSignedCertificate(DateTimeOffset.UtcNow.AddDays(30));
        await using (var other = TlsTestServer.Start(stranger))
            Assert.Equal("TLS handshake failed: certificate chain not trusted or expired", (await trusting.RunAsync(Tls(other.Target))).ErrorMessage);

        // The leaf names 127.0.0.1 and localhost only; shop.test resolves to the same server through the test resolver.
        trusting.Names.Add("shop.test", "127.0.0.1");
        using var served = _leaf.Load();
        await using var port = TlsTestServer.Start(served);
        var wrongName = await trusting.RunAsync(Tls($"shop.test:{port.Port}"));
        Assert.False(wrongName.Success);
        Assert.Contains("certificate name does not match the host", wrongName.ErrorMessage);
    }

    [Fact]
    public void A_ca_file_that_cannot_be_used_is_refused_at_start_with_the_setting_named()
    {
        using var directory = new TempDirectory();
        var notPem = Path.Combine(directory.Path, "bundle.pem");
        File.WriteAllText(notPem, "not a certificate");

        var missing = Assert.Throws<InvalidOperationException>(() => TlsTrust.Load(Path.Combine(directory.Path, "missing.pem")));
        Assert.StartsWith("Probing:TrustedCaFile", missing.Message);
        Assert.Contains("holds no certificate", Assert.Throws<InvalidOperationException>(() => TlsTrust.Load(notPem)).Message);

        var options = new ProbingOptions { TrustedCaFile = notPem };
        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Equal([nameof(ProbingOptions.TrustedCaFile)], Assert.Single(problems).MemberNames);
        Assert.Empty(new ProbingOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Equal(0, TlsTrust.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).Count);
    }
}
