using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

public sealed class MetricsFactory : DashboardFactory
{
    public const string Token = "scrape-token-for-tests";

    public MetricsFactory() => Settings["Metrics:Token"] = Token;
}

public class MetricsApiTests(MetricsFactory factory) : IClassFixture<MetricsFactory>
{
    [Fact]
    public async Task Metrics_parse_and_probe_writer_and_delivery_counters_move()
    {
        var before = await ScrapeAsync();
        Assert.Equal("counter", before.Types["probedashboard_probes_total"]);
        Assert.Equal("histogram", before.Types["probedashboard_writer_commit_seconds"]);
        Assert.Equal("gauge", before.Types["probedashboard_realtime_subscribers"]);
        var pendingBefore = before.Value("probedashboard_notification_deliveries", "status=\"pending\"");

        var monitor = TestMonitors.Tcp("metrics-closed-port", $"127.0.0.1:{TargetServer.ClosedPort()}");
        await factory.WithDbAsync(async db =>
        {
            db.Monitors.Add(monitor);
            db.NotificationOutbox.Add(new NotificationOutboxEntry
            {
                Channel = NotificationChannelKind.Email, Address = "ops@example.test", Purpose = NotificationPurpose.Test,
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow.AddHours(1),
            });
            await db.SaveChangesAsync();
        });
        var serverHostId = await factory.WithDbAsync(db => Task.FromResult(db.Hosts.Single(h => h.IsServer).Id));
        var dispatcher = factory.Services.GetRequiredService<ProbeDispatcher>();
        var writer = factory.Services.GetRequiredService<ResultWriterService>();
        var committed = writer.Committed;
        Assert.True(dispatcher.Dispatch(monitor, serverHostId, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => writer.Committed > committed, "the probe result to be committed");

        var after = await Eventually.GetAsync(async () =>
        {
            var scrape = await ScrapeAsync();
            // Database counts are cached for a few seconds; wait until the new outbox row shows.
            return scrape.Value("probedashboard_notification_deliveries", "status=\"pending\"") > pendingBefore ? scrape : null;
        }, "the outbox row to show in /metrics");

        Assert.Equal(before.Value("probedashboard_probes_total", "type=\"tcp\"") + 1, after.Value("probedashboard_probes_total", "type=\"tcp\""));
        Assert.Equal(before.Value("probedashboard_probes_failed_total", "type=\"tcp\"") + 1, after.Value("probedashboard_probes_failed_total", "type=\"tcp\""));
        Assert.True(after.Value("probedashboard_probe_start_lateness_seconds_count") > before.Value("probedashboard_probe_start_lateness_seconds_count"));
        Assert.True(after.Value("probedashboard_writer_batch_size_count") > before.Value("probedashboard_writer_batch_size_count"));
        Assert.True(after.Value("probedashboard_results_committed_total") > before.Value("probedashboard_results_committed_total"));
        Assert.Equal(0, after.Value("probedashboard_result_queue_depth"));
        Assert.Equal(0, after.Value("probedashboard_alert_events", "state=\"firing\""));
    }

    [Fact]
    public async Task Metrics_refuse_a_missing_or_wrong_token_when_one_is_configured()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
    }

    private async Task<PrometheusScrape> ScrapeAsync()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsFactory.Token);
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }
}
