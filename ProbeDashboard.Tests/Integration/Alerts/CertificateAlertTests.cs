using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// Certificate expiry alerts through the real result writer, alert engine and outbox: one event per threshold
/// crossed (warning, critical at the last), never the higher thresholds again for a certificate found late, a quiet
/// hand-over between bands, resolved (and announced) by a renewed certificate; the monitor itself stays online.
/// </summary>
public class CertificateAlertTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static Action<ProbeResult> Certificate(double daysLeft) => result =>
    {
        // Half a day more, so whole days left do not depend on the moment the round is judged.
        result.CertificateExpiresAt = DateTime.UtcNow.AddDays(daysLeft + 0.5);
        result.CertificateSubject = "CN=shop.example";
        result.CertificateIssuer = "CN=Test CA";
    };

    private async Task<MonitorDefinition> HttpsMonitorAsync(string name, int groupId, List<int>? thresholds = null) =>
        await factory.Feed.AddMonitorAsync(name, m =>
        {
            m.Target = "https://shop.example/health";
            m.NotificationGroupId = groupId;
            if (thresholds is not null) m.TlsExpiryDays = thresholds;
        });

    private async Task<List<AlertEvent>> EventsOfAsync(int monitorId)
    {
        await factory.Feed.EngineIdleAsync();
        return [.. (await factory.Feed.EventsAsync()).Where(e => e.TargetId == monitorId && e.SourceKey.StartsWith("monitor-cert-"))];
    }

    private async Task<List<NotificationPurpose>> NotificationsAsync(long eventId) =>
        [.. (await factory.Feed.OutboxAsync()).Where(o => o.AlertEventId == eventId).Select(o => o.Purpose)];

    [Fact]
    public async Task A_certificate_found_five_days_from_expiry_raises_the_seven_day_alert_once_and_the_monitor_stays_online()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await factory.Feed.AddGroupAsync("cert-5", webhooks: [(receiver.Url, null)]);
        var monitor = await HttpsMonitorAsync("cert-5", group.Id);

        await factory.Feed.CommitRoundsAsync(monitor.Id, Certificate(5), Certificate(5));

        var alertEvent = Assert.Single(await EventsOfAsync(monitor.Id));
        Assert.Equal(($"monitor-cert-7:{monitor.Id}", AlertLevel.Critical, AlertEventStatus.Firing),
            (alertEvent.SourceKey, alertEvent.Level, alertEvent.Status));
        Assert.Equal("TLS certificate of shop.example expires in 5 days", alertEvent.Title);
        Assert.Equal([NotificationPurpose.Fired], await NotificationsAsync(alertEvent.Id));
        await using var db = factory.Feed.Db();
        Assert.Equal(MonitorStatus.Online, db.Monitors.Single(m => m.Id == monitor.Id).Current.Status);
    }

    [Fact]
    public async Task A_certificate_running_down_raises_each_threshold_once_and_a_renewal_resolves_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await factory.Feed.AddGroupAsync("cert-run-down", webhooks: [(receiver.Url, null)]);
        var monitor = await HttpsMonitorAsync("cert-run-down", group.Id);

        await factory.Feed.CommitRoundsAsync(monitor.Id, Certificate(40), Certificate(20), Certificate(19));
        var first = Assert.Single(await EventsOfAsync(monitor.Id));
        Assert.Equal((AlertLevel.Warning, "TLS certificate of shop.example expires in 20 days"), (first.Level, first.Title));

        await factory.Feed.CommitRoundsAsync(monitor.Id, Certificate(13), Certificate(6));
        var events = await EventsOfAsync(monitor.Id);
        Assert.Equal([21, 14, 7], events.Select(e => int.Parse(e.SourceKey["monitor-cert-".Length..e.SourceKey.IndexOf(':')])));
        Assert.Equal([AlertEventStatus.Resolved, AlertEventStatus.Resolved, AlertEventStatus.Firing], events.Select(e => e.Status));
        Assert.Equal([AlertLevel.Warning, AlertLevel.Warning, AlertLevel.Critical], events.Select(e => e.Level));
        // Moving on to a lower threshold is no recovery: the higher bands closed without a "resolved" notice.
        Assert.Equal([NotificationPurpose.Fired], await NotificationsAsync(events[0].Id));
        Assert.Equal([NotificationPurpose.Fired], await NotificationsAsync(events[1].Id));

        await factory.Feed.CommitRoundsAsync(monitor.Id, Certificate(90));
        var renewed = (await EventsOfAsync(monitor.Id))[^1];
        Assert.Equal(AlertEventStatus.Resolved, renewed.Status);
        Assert.Equal([NotificationPurpose.Fired, NotificationPurpose.Resolved], await NotificationsAsync(renewed.Id));
    }

    [Fact]
    public async Task No_thresholds_no_certificate_alert_and_a_plain_http_monitor_has_none_either()
    {
        var group = await factory.Feed.AddGroupAsync("cert-off");
        var off = await HttpsMonitorAsync("cert-off", group.Id, thresholds: []);
        var plain = await factory.Feed.AddMonitorAsync("cert-plain", m => m.NotificationGroupId = group.Id);

        await factory.Feed.CommitRoundsAsync(off.Id, Certificate(3));
        await factory.Feed.CommitRoundsAsync(plain.Id, Certificate(3));

        Assert.Empty(await EventsOfAsync(off.Id));
        Assert.Empty(await EventsOfAsync(plain.Id));
    }
}
