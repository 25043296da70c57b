using System.Text;
using System.Text.Json;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Webhook;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>Alerts reach real receivers: aiosmtpd for mail, a Kestrel endpoint for webhooks, both on 127.0.0.1.</summary>
public class NotificationDeliveryTests
{
    private static AlertTestFactory NewFactory(SmtpTestServer smtp, string? dataDirectory = null)
    {
        var factory = dataDirectory is null ? new AlertTestFactory() : AlertTestFactory.OnExistingData(dataDirectory);
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtp.Port.ToString();
        factory.Settings["Smtp:Security"] = "none";
        factory.Settings["Smtp:From"] = "alerts@probedashboard.test";
        return factory;
    }

    [Fact]
    public async Task The_fire_and_resolve_mails_arrive_at_a_real_smtp_server_and_say_what_where_since_when_and_link_the_event()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = NewFactory(smtp);
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("ops", emails: ["oncall@example.test"]);
        var monitor = await feed.AddMonitorAsync("checkout", m => { m.EnableAlert = true; m.FailThreshold = 2; m.NotificationGroupId = group.Id; });

        await feed.CommitRoundsAsync(monitor.Id, false, false);
        var fired = await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert");
        await Eventually.TrueAsync(() => smtp.Messages().Count == 1, "the fired mail");
        var firedMail = smtp.Messages()[0];
        Assert.Contains("Subject: [FIRING] checkout is down", firedMail);
        Assert.Contains("To: oncall@example.test", firedMail);
        Assert.Contains("Where:   service checkout", firedMail);
        Assert.Contains("Since:   ", firedMail);
        Assert.Contains("consecutive_failures", firedMail);
        Assert.Contains($"http://dashboard.test/alerts/{fired.Id}", firedMail);

        await feed.CommitRoundsAsync(monitor.Id, true);
        await Eventually.TrueAsync(() => smtp.Messages().Count == 2, "the resolved mail");
        Assert.Contains("Subject: [RESOLVED] checkout is down", smtp.Messages()[1]);

        // The mail can land a moment before the dispatcher records the delivery.
        await Eventually.TrueAsync(async () => (await feed.OutboxAsync()).All(o => o.Status == OutboxStatus.Delivered), "both marked delivered");
        var outbox = await feed.OutboxAsync();
        Assert.All(outbox, o => Assert.Equal((OutboxStatus.Delivered, 1), (o.Status, o.Attempts)));
        Assert.Equal([NotificationPurpose.Fired, NotificationPurpose.Resolved], outbox.Select(o => o.Purpose));
    }

    [Fact]
    public async Task A_webhook_with_a_secret_gets_posts_signed_with_hmac_sha256_of_the_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var smtp = SmtpTestServer.NotStarted();
        await using var factory = NewFactory(smtp);
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("hooks", webhooks: [(receiver.Url + "/signed", "s3cret"), (receiver.Url + "/plain", null)]);
        var monitor = await feed.AddMonitorAsync("payments", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });

        await feed.CommitRoundsAsync(monitor.Id, false);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "two webhook posts");

        var signed = receiver.Requests.Single(r => r.Path == "/signed");
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8.ToArray(), Encoding.UTF8.GetBytes(signed.Body)));
        Assert.Equal(expected, signed.Headers[WebhookChannel.SignatureHeader]);
        Assert.False(receiver.Requests.Single(r => r.Path == "/plain").Headers.ContainsKey(WebhookChannel.SignatureHeader));

        var payload = JsonDocument.Parse(signed.Body).RootElement;
        Assert.Equal("alert_fired", payload.GetProperty("type").GetString());
        Assert.Equal("payments", payload.GetProperty("event").GetProperty("target_name").GetString());
        Assert.Equal("critical", payload.GetProperty("event").GetProperty("level").GetString());
        Assert.Equal(1, payload.GetProperty("event").GetProperty("current_value").GetProperty("consecutive_failures").GetDouble());
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_with_backoff_and_its_error_is_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 503;
        await using var smtp = SmtpTestServer.NotStarted();
        await using var factory = NewFactory(smtp);
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("flaky", webhooks: [(receiver.Url, null)]);
        var monitor = await feed.AddMonitorAsync("search", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });

        await feed.CommitRoundsAsync(monitor.Id, false);
        await Eventually.TrueAsync(() => receiver.Requests.Count >= 3, "three attempts");
        var pending = (await feed.OutboxAsync()).Single();
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Contains("503", pending.LastError);

        receiver.StatusCode = 200;
        await Eventually.TrueAsync(async () => (await feed.OutboxAsync()).Single().Status == OutboxStatus.Delivered, "delivery once the receiver recovers");
        var attempts = receiver.Requests.Count;
        Assert.False(await feed.DispatcherIdleAsync());
        Assert.Equal(attempts, receiver.Requests.Count);
    }

    [Fact]
    public async Task With_smtp_down_mails_wait_across_a_server_restart_and_arrive_once_it_is_back_and_nothing_is_sent_twice()
    {
        using var dataDir = new TempDirectory();
        await using var smtp = await SmtpTestServer.StartAsync();
        int monitorId;
        await using (var first = NewFactory(smtp, dataDir.Path))
        {
            var feed = new AlertFeed(first);
            var group = await feed.AddGroupAsync("ops", emails: ["oncall@example.test", "lead@example.test"]);
            monitorId = (await feed.AddMonitorAsync("billing", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; })).Id;
            await feed.CommitRoundsAsync(monitorId, false);
            await Eventually.TrueAsync(() => smtp.Messages().Count == 2, "both fired mails while the server is up");

            await smtp.StopAsync();
            await feed.CommitRoundsAsync(monitorId, true);
            await Eventually.TrueAsync(async () => (await feed.OutboxAsync()).Count(o => o.Purpose == NotificationPurpose.Resolved && o.Attempts >= 2) == 2,
                "resolved mails retried while the server is down");
            Assert.All((await feed.OutboxAsync()).Where(o => o.Purpose == NotificationPurpose.Resolved), o =>
            {
                Assert.Equal(OutboxStatus.Pending, o.Status);
                Assert.NotNull(o.LastError);
            });
        }

        await smtp.StartAgainAsync();
        await using var second = NewFactory(smtp, dataDir.Path);
        var after = new AlertFeed(second);
        await Eventually.TrueAsync(async () => (await after.OutboxAsync()).All(o => o.Status == OutboxStatus.Delivered), "delivery after the restart");
        Assert.False(await after.DispatcherIdleAsync());
        var mails = smtp.Messages();
        Assert.Equal(4, mails.Count);
        Assert.Equal(2, mails.Count(m => m.Contains("Subject: [FIRING] billing is down")));
        Assert.Equal(2, mails.Count(m => m.Contains("Subject: [RESOLVED] billing is down")));
    }

    [Fact]
    public async Task A_message_is_given_up_as_failed_after_max_attempts_with_its_last_error()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 500;
        await using var smtp = SmtpTestServer.NotStarted();
        await using var factory = NewFactory(smtp);
        factory.Settings["Notifications:MaxAttempts"] = "3";
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("broken", webhooks: [(receiver.Url, null)]);
        var monitor = await feed.AddMonitorAsync("gives-up", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });

        await feed.CommitRoundsAsync(monitor.Id, false);
        var failed = await Eventually.GetAsync(async () => (await feed.OutboxAsync()).SingleOrDefault(o => o.Status == OutboxStatus.Failed), "the message to fail");
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("500", failed.LastError);
        Assert.False(await feed.DispatcherIdleAsync());
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Sms_goes_through_the_configured_gateway_template_with_phone_and_text_filled_in()
    {
        await using var gateway = await WebhookReceiver.StartAsync();
        await using var smtp = SmtpTestServer.NotStarted();
        await using var factory = NewFactory(smtp);
        factory.Settings["Notifications:Sms:UrlTemplate"] = gateway.Url + "/send?to={phone}&text={message}";
        factory.Settings["Notifications:Sms:BodyTemplate"] = """{"to": "{phone}", "text": "{message}"}""";
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("pager");
        await using (var db = feed.Db())
        {
            db.NotificationRecipients.Add(new NotificationRecipient { NotificationGroupId = group.Id, Channel = NotificationChannelKind.Sms, Address = "+15550100" });
            await db.SaveChangesAsync();
        }
        var monitor = await feed.AddMonitorAsync("sms \"quoted\"", m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });

        await feed.CommitRoundsAsync(monitor.Id, false);
        await Eventually.TrueAsync(() => !gateway.Requests.IsEmpty, "the SMS gateway call");
        var call = gateway.Requests.Single();
        Assert.StartsWith("/send?to=%2B15550100&text=%5BFIRING%5D", call.Path);
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("+15550100", body.GetProperty("to").GetString());
        Assert.StartsWith("[FIRING] sms \"quoted\" is down - since ", body.GetProperty("text").GetString());
        Assert.Contains("http://dashboard.test/alerts/", body.GetProperty("text").GetString());
    }
}
