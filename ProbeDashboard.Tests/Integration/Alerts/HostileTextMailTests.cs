using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// A monitor named with markup alerts by e-mail through a real SMTP server: the mail is plain text only (no HTML
/// part a mail client could render), and the name arrives as the literal characters.
/// </summary>
public class HostileTextMailTests
{
    private const string Payload = "<script>alert(1)</script><b>bold</b>";

    [Fact]
    public async Task Markup_in_a_monitor_name_reaches_the_mail_as_plain_text()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = new AlertTestFactory();
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtp.Port.ToString();
        factory.Settings["Smtp:Security"] = "none";
        factory.Settings["Smtp:From"] = "alerts@probedashboard.test";
        var feed = new AlertFeed(factory);
        var group = await feed.AddGroupAsync("ops", emails: ["oncall@example.test"]);
        var monitor = await feed.AddMonitorAsync("web " + Payload, m => { m.EnableAlert = true; m.FailThreshold = 1; m.NotificationGroupId = group.Id; });

        await feed.CommitRoundsAsync(monitor.Id, false);
        await feed.EventAsync(e => e.Status == AlertEventStatus.Firing, "the alert");
        await Eventually.TrueAsync(() => smtp.Messages().Count == 1, "the fired mail");

        var mail = smtp.Messages()[0];
        Assert.Contains("Content-Type: text/plain", mail);
        Assert.DoesNotContain("text/html", mail, StringComparison.OrdinalIgnoreCase);
        var body = mail.Replace("=\r\n", "").Replace("=\n", "");
        Assert.Contains("service web " + Payload, body);
    }
}
