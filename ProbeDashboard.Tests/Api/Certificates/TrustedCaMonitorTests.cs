using System.Text.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Certificates;

/// <summary>
/// The whole way with Probing:TrustedCaFile set: the running scheduler probes a TLS port and an https target on 127.0.0.1
/// whose certificate (valid 90 days) a private CA made by openssl issued; both monitors' probes pass and their detail
/// shows the certificate with its days left, and no probe failed.
/// </summary>
public sealed class TrustedCaMonitorTests : IAsyncLifetime
{
    private readonly DashboardFactory _app = new();
    private TestCertificate _authority = null!;
    private TestCertificate _leaf = null!;

    public async Task InitializeAsync()
    {
        _authority = await TestCertificate.AuthorityAsync();
        _leaf = await _authority.IssueAsync(days: 90);
        _app.Settings[TlsTrust.SettingKey] = _authority.CertificateFile;
        _app.Settings["Probing:SchedulerEnabled"] = "true";
        _app.Settings["Probing:MinIntervalSeconds"] = "1";
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _leaf.Dispose();
        _authority.Dispose();
    }

    [Fact]
    public async Task Tls_and_https_monitors_of_a_private_ca_target_pass_with_90_days_left()
    {
        using var served = _leaf.Load();
        await using var port = TlsTestServer.Start(served);
        await using var https = await TargetServer.StartAsync(served);
        using var client = await _app.CreateClientAsync(UserRole.Operator);

        var tls = Minimal("private smtps", type: 6, target: port.Target);
        tls["duration"] = 2;
        var web = Minimal("private https", type: 1, target: https.Url("/ok").ToString());
        web["duration"] = 2;
        int[] ids = [await CreateAsync(client, tls), await CreateAsync(client, web)];

        foreach (var id in ids)
        {
            JsonElement detail = default;
            await Eventually.TrueAsync(async () =>
            {
                detail = (await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");
                return detail.GetProperty("statistics").GetProperty("success_probes_24h").GetInt32() >= 1 && detail.TryGetProperty("certificate", out _);
            }, $"a passing probe of monitor {id} with its certificate", timeoutMs: 60_000);
            Assert.Equal(0, detail.GetProperty("statistics").GetProperty("fail_probes_24h").GetInt32());
            var certificate = detail.GetProperty("certificate");
            Assert.Equal("CN=ProbeDashboard Test CA", certificate.GetProperty("issuer").GetString());
            Assert.InRange(certificate.GetProperty("days_left").GetInt32(), 89, 90);
        }
    }
}
