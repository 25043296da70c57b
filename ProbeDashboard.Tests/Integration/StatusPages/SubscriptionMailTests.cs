using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;
using ProbeDashboard.Core.StatusPages.Subscriptions;
using ProbeDashboard.Tests.Api.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.StatusPages;

/// <summary>
/// A reader's whole subscription against a real SMTP server (aiosmtpd on 127.0.0.1): subscribe on the page, confirm
/// from the mail, get the incident mail and one mail per outage and recovery (several monitors failing together make
/// one), unsubscribe from the mail's link, and get nothing more.
/// </summary>
public partial class SubscriptionMailTests
{
    private const string Reader = "reader@example.test";

    [Fact]
    public async Task Subscribe_confirm_incident_outage_recovery_unsubscribe_then_no_more_mail()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var factory = new AlertTestFactory();
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtp.Port.ToString();
        factory.Settings["Smtp:Security"] = "none";
        factory.Settings["Smtp:From"] = "status@probedashboard.test";
        // Long enough that two commits in a row land in one window even on a busy machine.
        factory.Settings["StatusPages:Subscriptions:CoalesceMs"] = "5000";
        var feed = factory.Feed;
        var api = await feed.AddMonitorAsync("internal-api-7", _ => { });
        var web = await feed.AddMonitorAsync("internal-web-7", _ => { });
        await feed.CommitRoundsAsync(api.Id, true);
        await feed.CommitRoundsAsync(web.Id, true);
        var page = (await factory.Services.GetRequiredService<StatusPageService>().CreateAsync(Actor.System, new StatusPageInput("shop", "Shop status", null, null,
            [new StatusPageSectionInput("Core", [new StatusPageItemInput(api.Id, "Public API"), new StatusPageItemInput(web.Id, "Website")])], false, null, true), default)).Page!;
        var incidents = factory.Services.GetRequiredService<IncidentService>();
        var mailer = factory.Services.GetRequiredService<MonitorChangeMailer>();
        using var client = factory.CreateClient();

        using var subscribed = await client.PostAsync("/status/shop/subscribe", PublicSubscriptionTests.Form(Reader));
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        var confirmation = await MailAsync(smtp, 1);
        Assert.Contains("Subject: Confirm your subscription to Shop status", confirmation);
        Assert.Contains($"To: {Reader}", confirmation);
        Assert.DoesNotContain("List-Unsubscribe", confirmation);
        using var confirmed = await client.GetAsync(new Uri(ConfirmLink().Match(confirmation).Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        await incidents.CreateAsync(Actor.System, page.Id, new IncidentInput("Checkout is slow", "We are looking into it.", null, [api.Id]), default);
        var incidentMail = await MailAsync(smtp, 2);
        Assert.Contains("Subject: [Shop status] New incident: Checkout is slow (Investigating)", incidentMail);
        Assert.Contains("We are looking into it.", incidentMail);
        var unsubscribe = UnsubscribeLink().Match(incidentMail).Value;
        Assert.True(incidentMail.Contains($"List-Unsubscribe: <{unsubscribe}>") && incidentMail.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), incidentMail);
        Assert.Contains($"Unsubscribe with one click: {unsubscribe}", incidentMail);

        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to pass over the monitors' first results");
        await feed.CommitRoundsAsync(api.Id, false, false);
        await feed.CommitRoundsAsync(web.Id, false, false);
        var outage = await MailAsync(smtp, 3);
        Assert.Contains("Subject: [Shop status] Outage: Public API, Website", outage);
        Assert.Contains("Public API: down", outage);
        Assert.Contains("Website: down", outage);
        Assert.DoesNotContain("internal-", outage);
        Assert.DoesNotContain("127.0.0.1:9", outage);

        await feed.CommitRoundsAsync(api.Id, true);
        var recovery = await MailAsync(smtp, 4);
        Assert.Contains("Subject: [Shop status] Recovered: Public API", recovery);
        Assert.DoesNotContain("Website", recovery);

        using var asked = await client.GetAsync(new Uri(unsubscribe).PathAndQuery);
        Assert.Contains("""<form method="post" """, await asked.Content.ReadAsStringAsync());
        using var unsubscribed = await client.PostAsync(new Uri(unsubscribe).PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Contains("You will get no more e-mail from Shop status.", await unsubscribed.Content.ReadAsStringAsync());

        await incidents.CreateAsync(Actor.System, page.Id, new IncidentInput("Another", "More.", null, null), default);
        await feed.CommitRoundsAsync(web.Id, true);
        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to judge the recovery");
        Assert.False(await feed.DispatcherIdleAsync());
        Assert.Equal(4, smtp.Messages().Count);
        Assert.Equal(4, await factory.WithDbAsync(db => db.NotificationOutbox.CountAsync(o => o.Address == Reader)));
    }

    /// <summary>Waits for the <paramref name="count"/>th mail and returns it.</summary>
    private static async Task<string> MailAsync(SmtpTestServer smtp, int count)
    {
        await Eventually.TrueAsync(() => smtp.Messages().Count >= count, $"mail number {count}", timeoutMs: 30_000);
        Assert.Equal(count, smtp.Messages().Count);
        // Unfolded: MimeKit may fold a long header onto a second line.
        return Regex.Replace(smtp.Messages()[count - 1], @"\r?\n[ \t]+", " ");
    }

    [GeneratedRegex(@"http://dashboard\.test/status/shop/confirm\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http://dashboard\.test/status/shop/unsubscribe\?token=[A-Za-z0-9_-]{43}")]
    private static partial Regex UnsubscribeLink();
}
