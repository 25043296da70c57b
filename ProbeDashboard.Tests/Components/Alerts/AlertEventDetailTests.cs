using Bunit;
using ProbeDashboard.Alerts.Detail;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>An event's page: timing, the actions an operator takes there, the history chart and the notifications sent.</summary>
public class AlertEventDetailTests : AlertComponentTest, IClassFixture<AlertTestFactory>
{
    public AlertEventDetailTests(AlertTestFactory factory) : base(factory) { }

    private IRenderedComponent<AlertEventDetail> Render(long id)
    {
        RenderSnackbars();
        return Ctx.Render<AlertEventDetail>(p => p.Add(c => c.EventId, id));
    }

    [Fact]
    public void An_unknown_event_shows_only_the_message_and_the_way_back()
    {
        var detail = Render(99_999_999);

        detail.WaitForAssertion(() => Assert.Contains("Alert not found", detail.Markup));
        Assert.Equal("alerts", detail.Find(".empty-state a").GetAttribute("href"));
        Assert.Empty(detail.FindAll("h1"));
        Assert.Empty(detail.FindAll(".detail-columns, .alert-timing, .alert-history, .sent-notifications"));
    }

    [Fact]
    public async Task An_operator_reads_the_timing_and_acknowledges_with_a_note_then_silences_for_an_hour()
    {
        var alert = await FiringAsync(Unique("detail-op"));
        var detail = Render(alert.Id);
        detail.WaitForAssertion(() => Assert.Equal(alert.Title, detail.Find("h1").TextContent));
        Assert.Contains("Firing since", detail.Find(".alert-timing").TextContent);
        Assert.Contains("consecutive_failures", detail.Find(".alert-timing").TextContent);

        detail.OnRenderer(() => detail.Find(".alert-actions textarea").Change("payment provider down"));
        detail.OnRenderer(() => detail.FindAll(".alert-actions button").Single(b => b.TextContent.Trim() == "Acknowledge").Click());
        detail.WaitForAssertion(() => Assert.Contains("Acknowledged by", detail.Find(".alert-timing").TextContent), TimeSpan.FromSeconds(10));

        // One hour is the preset already chosen: one click silences.
        detail.OnRenderer(() => detail.FindAll(".alert-actions button").Single(b => b.TextContent.Trim() == "Silence").Click());
        detail.WaitForAssertion(() => Assert.Equal("Silenced", detail.Find("[role=status]").TextContent), TimeSpan.FromSeconds(10));
        var stored = await ReloadAsync(alert.Id);
        Assert.Equal((true, "payment provider down", AlertEventStatus.Silenced), (stored.Acknowledged, stored.AckNote, stored.Status));
        Assert.InRange(stored.SilenceUntil!.Value, DateTime.UtcNow.AddMinutes(58), DateTime.UtcNow.AddMinutes(61));
        Assert.Contains("Lift silence", detail.Find(".alert-actions").TextContent);
    }

    [Fact]
    public async Task A_viewer_reads_the_event_but_gets_no_actions()
    {
        SignIn(UserRole.Viewer);
        var alert = await FiringAsync(Unique("detail-viewer"));
        var detail = Render(alert.Id);

        detail.WaitForAssertion(() => Assert.Equal(alert.Title, detail.Find("h1").TextContent));
        Assert.Contains("Pending since", detail.Markup);
        Assert.Empty(detail.FindAll(".alert-actions"));
    }

    [Fact]
    public async Task The_history_is_charted_and_the_notifications_table_shows_recipient_time_and_the_whole_error()
    {
        var alert = await FiringAsync(Unique("detail-sent"));
        var longError = "connection refused by 127.0.0.1:9 " + new string('x', 300);
        await using (var db = Factory.Feed.Db())
        {
            db.NotificationOutbox.Add(new NotificationOutboxEntry
            {
                AlertEventId = alert.Id, Channel = NotificationChannelKind.Webhook, Address = "http://127.0.0.1:9/very/long/hook/path",
                Purpose = NotificationPurpose.Fired, Status = OutboxStatus.Failed, Attempts = 3,
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow, LastError = longError, PayloadJson = "{}",
            });
            await db.SaveChangesAsync();
        }
        var chart = Ctx.JSInterop.SetupModule("./assets/js/charts.js");
        chart.SetupModule("create", _ => true);

        var detail = Render(alert.Id);

        detail.WaitForAssertion(() => Assert.NotEmpty(detail.FindAll(".sent-table")));
        var row = detail.FindAll(".sent-table tbody tr").Single(r => r.TextContent.Contains("very/long/hook"));
        Assert.Contains(longError, row.QuerySelector(".last-error")!.TextContent);
        Assert.NotNull(row.QuerySelector("time"));
        Assert.Contains("Failed", row.TextContent);
        Assert.NotNull(detail.Find(".alert-history .apex-chart[role=img]"));
    }
}
