using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Webhook;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Probing;

/// <summary>
/// Probes and webhooks against targets on 127.0.0.1 that try to exhaust memory or time: a 2 GiB body, a gzip bomb,
/// 100 KB of headers, bytes trickling at 1/s, a keyword that would make a backtracking regex explode. Each ends as a
/// clear result within the monitor's timeout, and allocates a small fraction of what the target offers.
/// </summary>
[Collection(MemoryMeasurement.Name)]
public sealed class HostileTargetTests : IAsyncLifetime, IDisposable
{
    /// <summary>Generous: buffering either hostile body would allocate 256 MiB to 2 GiB.</summary>
    private const long AllocationBound = 64L * 1024 * 1024;
    private readonly ProbeServices _probes = new();
    private HostileTargetServer _target = null!;

    public async Task InitializeAsync()
    {
        _target = await HostileTargetServer.StartAsync();
        // Built before any measurement; it is the target's cost, not the probe's.
        Assert.True(HostileTargetServer.BombCompressedBytes < 1024 * 1024, $"the bomb is {HostileTargetServer.BombCompressedBytes} bytes");
    }

    public async Task DisposeAsync() => await _target.DisposeAsync();

    public void Dispose() => _probes.Dispose();

    private async Task<(ProbeResult Result, long Allocated, TimeSpan Elapsed)> ProbeAsync(string path, string? keyword, int timeoutSeconds = 10)
    {
        var monitor = TestMonitors.Http(path, _target.Url(path), timeoutSeconds: timeoutSeconds, keyword: keyword);
        var started = Stopwatch.GetTimestamp();
        var (result, allocated) = await MemoryMeasurement.AllocatedDuringAsync(() => _probes.RunAsync(monitor));
        return (result, allocated, Stopwatch.GetElapsedTime(started));
    }

    [Fact]
    public async Task A_2_gib_body_is_searched_only_in_its_first_mib_and_costs_bounded_memory()
    {
        var missing = await ProbeAsync("/huge", keyword: "needle");
        var found = await ProbeAsync("/huge", keyword: "aaaa");
        var unread = await ProbeAsync("/huge", keyword: null);

        Assert.Equal("keyword 'needle' not found", missing.Result.ErrorMessage);
        Assert.True(found.Result.Success, found.Result.ErrorMessage);
        Assert.True(unread.Result.Success, unread.Result.ErrorMessage);
        Assert.All(new[] { missing, found, unread }, p =>
        {
            Assert.True(p.Allocated < AllocationBound, $"allocated {p.Allocated:N0} bytes");
            Assert.True(p.Elapsed < TimeSpan.FromSeconds(10), $"took {p.Elapsed}");
        });
    }

    [Fact]
    public async Task A_gzip_bomb_is_inflated_only_up_to_a_mib()
    {
        var probe = await ProbeAsync("/bomb", keyword: "needle");

        Assert.Equal("keyword 'needle' not found", probe.Result.ErrorMessage);
        Assert.True(probe.Allocated < AllocationBound, $"allocated {probe.Allocated:N0} bytes for a body inflating to {HostileTargetServer.BombInflatedBytes:N0}");
    }

    [Fact]
    public async Task Headers_over_64_kib_fail_the_probe_with_the_reason()
    {
        var probe = await ProbeAsync("/headers", keyword: null);

        Assert.False(probe.Result.Success);
        Assert.Equal("response headers larger than 64 KiB", probe.Result.ErrorMessage);
    }

    [Fact]
    public async Task A_trickling_body_or_status_line_is_cut_at_the_timeout()
    {
        var body = await ProbeAsync("/trickle", keyword: "never", timeoutSeconds: 2);
        var slowHeaders = await _target.StartTrickleHeadersAsync();
        var headers = await _probes.RunAsync(TestMonitors.Http("slow headers", slowHeaders, timeoutSeconds: 2));

        Assert.Equal("timeout after 2s", body.Result.ErrorMessage);
        Assert.True(body.Elapsed < TimeSpan.FromSeconds(8), $"took {body.Elapsed}");
        Assert.Equal("timeout after 2s", headers.ErrorMessage);
    }

    [Fact]
    public async Task A_keyword_that_looks_like_a_catastrophic_regex_is_matched_as_plain_text_at_once()
    {
        var probe = await ProbeAsync("/backtrack", keyword: "(a+)+$");

        Assert.Equal("keyword '(a+)+$' not found", probe.Result.ErrorMessage);
        Assert.True(probe.Elapsed < TimeSpan.FromSeconds(2), $"took {probe.Elapsed}");
    }

    [Fact]
    public async Task A_webhook_receiver_answering_with_2_gib_or_a_bomb_is_delivered_without_reading_the_body()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        WebhookChannel.AddHttpClient(services);
        await using var provider = services.BuildServiceProvider();
        var channel = new WebhookChannel(provider.GetRequiredService<IHttpClientFactory>(), new SecretProtector(new EphemeralDataProtectionProvider()));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        foreach (var path in new[] { "/huge", "/bomb" })
        {
            var message = new NotificationOutboxEntry { Channel = NotificationChannelKind.Webhook, Address = _target.Url(path).ToString() };
            var (_, allocated) = await MemoryMeasurement.AllocatedDuringAsync(async () =>
            {
                await channel.SendAsync(message, cts.Token);
                return true;
            });
            Assert.True(allocated < AllocationBound, $"{path}: allocated {allocated:N0} bytes");
        }
    }
}
