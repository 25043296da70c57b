using Bunit;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Alerts.Detail;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts.Escalation;

/// <summary>The escalation timeline on an event's page, from the notices the real engine keeps.</summary>
public class EscalationTimelineTests(AlertTestFactory factory) : EscalationUiTest(factory), IClassFixture<AlertTestFactory>
{
    private IRenderedComponent<AlertEventDetail> Render(long id)
    {
        RenderSnackbars();
        return Ctx.Render<AlertEventDetail>(p => p.Add(c => c.EventId, id));
    }

    [Fact]
    public async Task Step_1_reads_sent_step_2_due_and_acknowledging_on_the_page_cancels_step_2_naming_who()
    {
        var first = await Factory.Feed.AddGroupAsync(Unique("First line"), emails: ["first@example.test"]);
        var second = await Factory.Feed.AddGroupAsync(Unique("Second line"), emails: ["second@example.test"]);
        var policy = await AddPolicyAsync(Unique("Timeline rota"), (0, [first.Id]), (3600, [second.Id]));
        var monitor = await Factory.Feed.AddMonitorAsync(Unique("timeline"), m => { m.EnableAlert = true; m.FailThreshold = 1; m.EscalationPolicyId = policy.Id; });
        await Factory.Feed.CommitRoundsAsync(monitor.Id, false);
        var alert = await Factory.Feed.EventAsync(e => e.TargetId == monitor.Id && e.Status == AlertEventStatus.Firing, "the monitor to fire");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = Factory.Feed.Db();
            return await db.EscalationNotices.AnyAsync(n => n.AlertEventId == alert.Id && n.Sequence == 1);
        }, "step 1 to be sent and step 2 scheduled");

        var detail = Render(alert.Id);

        detail.WaitForAssertion(() => Assert.Equal(2, detail.FindAll(".escalation-timeline li").Count));
        var steps = detail.FindAll(".escalation-timeline li");
        Assert.Matches($"Step 1\\s*{first.Name}\\s*sent", steps[0].TextContent);
        Assert.Matches($"Step 2\\s*{second.Name}\\s*due", steps[1].TextContent);

        detail.OnRenderer(() => detail.FindAll(".alert-actions button").Single(b => b.TextContent.Trim() == "Acknowledge").Click());

        detail.WaitForAssertion(() => Assert.Matches($"Step 2\\s*{second.Name}\\s*cancelled.*acknowledged by operator-ui",
            detail.FindAll(".escalation-timeline li")[1].TextContent.ReplaceLineEndings(" ")), TimeSpan.FromSeconds(10));
        Assert.Contains("sent", detail.FindAll(".escalation-timeline li")[0].TextContent);
    }

    [Fact]
    public async Task Repeats_of_the_last_step_are_numbered_and_an_event_without_a_policy_shows_no_timeline()
    {
        var group = await Factory.Feed.AddGroupAsync(Unique("Repeat"), emails: ["r@example.test"]);
        var plain = await FiringAsync(Unique("no-policy"));
        var now = DateTime.UtcNow;
        await using (var db = Factory.Feed.Db())
        {
            // Stored as the escalator leaves them: step 1, then step 2 sent once and repeated, resolved before the repeat.
            db.EscalationNotices.AddRange(
                new EscalationNotice { AlertEventId = plain.Id, EscalationPolicyId = 999, Sequence = 0, StepNumber = 1, NotificationGroupIds = [group.Id], DueAt = now, SentAt = now, Status = EscalationNoticeStatus.Sent },
                new EscalationNotice { AlertEventId = plain.Id, EscalationPolicyId = 999, Sequence = 1, StepNumber = 2, NotificationGroupIds = [group.Id, 987654], DueAt = now, SentAt = now, Status = EscalationNoticeStatus.Sent },
                new EscalationNotice { AlertEventId = plain.Id, EscalationPolicyId = 999, Sequence = 2, StepNumber = 2, NotificationGroupIds = [group.Id], DueAt = now, CancelledAt = now, CancelReason = "resolved", Status = EscalationNoticeStatus.Cancelled });
            await db.SaveChangesAsync();
        }
        var other = await FiringAsync(Unique("no-policy-2"));

        var detail = Render(plain.Id);
        detail.WaitForAssertion(() => Assert.Equal(3, detail.FindAll(".escalation-timeline li").Count));
        var steps = detail.FindAll(".escalation-timeline li");
        Assert.Contains($"{group.Name}, #987654", steps[1].TextContent);
        Assert.Matches("Step 2 \\(repeat 1\\).*cancelled.*resolved", steps[2].TextContent.ReplaceLineEndings(" "));

        UseCulture("zh-Hans");
        var zh = Render(plain.Id);
        zh.WaitForAssertion(() => Assert.Contains("第 2 步（重复 1）", zh.Find(".escalation-timeline").TextContent));

        UseCulture("en");
        var none = Render(other.Id);
        none.WaitForAssertion(() => Assert.Contains(other.Title, none.Find("h1").TextContent));
        Assert.Empty(none.FindAll(".escalation-timeline"));
    }
}
