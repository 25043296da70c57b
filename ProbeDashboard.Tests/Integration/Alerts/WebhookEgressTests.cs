using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Webhooks leave through the "notifications" HTTP client, which connects through the webhooks' egress policy: a
/// refused address shows up as the outbox entry's error, and the receiver on 127.0.0.1 never sees a request.
/// </summary>
public class WebhookEgressTests
{
    private static async Task<NotificationOutboxEntry> FireAsync(AlertTestFactory factory, string webhookUrl)
    {
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("hooks", webhooks: [(webhookUrl, null)]);
        var monitor = await feed.AddMonitorAsync("payments", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });
        await feed.CommitRoundsAsync(monitor.Id, false);
        return await Eventually.GetAsync(async () => (await feed.OutboxAsync()).SingleOrDefault(o => o.LastError is not null), "a failed delivery");
    }

    [Fact]
    public async Task A_webhook_to_the_metadata_address_is_refused_before_connecting()
    {
        await using var factory = new AlertTestFactory();

        var entry = await FireAsync(factory, "http://169.254.169.254/latest/meta-data/");

        Assert.Contains("blocked by egress policy: 169.254.169.254", entry.LastError);
        Assert.Equal(OutboxStatus.Pending, entry.Status);
    }

    [Fact]
    public async Task The_strict_webhook_profile_refuses_loopback_while_probes_keep_the_default()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new AlertTestFactory();
        factory.Settings["Egress:Webhooks:Profile"] = "Strict";

        var entry = await FireAsync(factory, receiver.Url + "/hook");

        Assert.Contains("blocked by egress policy: 127.0.0.1", entry.LastError);
        Assert.Empty(receiver.Requests);
        var policies = factory.Services.GetRequiredService<EgressPolicies>();
        Assert.Equal(EgressProfile.Default, policies.Probes.Profile);
    }
}
