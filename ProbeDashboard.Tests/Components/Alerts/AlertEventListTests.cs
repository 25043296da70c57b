using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProbeDashboard.Alerts.Events;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>The events grid: server pages through the Core query, filters, and acknowledge and silence two clicks from a row.</summary>
public class AlertEventListTests : AlertComponentTest, IClassFixture<AlertTestFactory>
{
    public AlertEventListTests(AlertTestFactory factory) : base(factory) { }

    /// <summary>Events of one rule of their own, stored as the engine would, so a filter on the rule shows only them.</summary>
    private async Task<int> RuleWithEventsAsync(int count, AlertEventStatus status = AlertEventStatus.Firing)
    {
        await using var db = Factory.Feed.Db();
        var rule = new AlertRule { Name = Unique("paged rule"), Type = AlertRuleType.ServiceProbe, Condition = "success == 0", Enabled = false, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync();
        var start = DateTime.UtcNow.AddHours(-1);
        for (var i = 0; i < count; i++)
            db.AlertEvents.Add(new AlertEvent
            {
                SourceKey = $"{rule.Name}-{i}", AlertRuleId = rule.Id, AlertRuleName = rule.Name, Condition = rule.Condition,
                TargetType = AlertTargetType.Service, TargetId = 100_000 + i, TargetName = $"target {i}", Status = status, Level = AlertLevel.Warning,
                Title = $"{rule.Name} event {i}", PendingSince = start.AddSeconds(i), TriggerTime = start.AddSeconds(i),
            });
        await db.SaveChangesAsync();
        return rule.Id;
    }

    private IRenderedComponent<AlertEventList> Render(AlertEventFilter? filter = null)
    {
        RenderDialogs();
        _ = Popovers;
        RenderSnackbars();
        return Ctx.Render<AlertEventList>(p => p.Add(c => c.InitialFilter, filter ?? new AlertEventFilter()));
    }

    private static IReadOnlyList<string> Titles(IRenderedComponent<AlertEventList> list) =>
        list.FindAll("tbody a.monitor-name").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task The_grid_pages_through_the_core_query_twenty_rows_at_a_time()
    {
        var ruleId = await RuleWithEventsAsync(25);
        var list = Render(new AlertEventFilter { AlertRuleId = ruleId });

        list.WaitForAssertion(() => Assert.Equal(20, Titles(list).Count));
        Assert.EndsWith("event 24", Titles(list)[0]);
        Assert.Contains("1-20 of 25", string.Concat(list.FindAll(".mud-table-pagination-caption").Select(c => c.TextContent)).Replace('–', '-'));

        list.OnRenderer(() => list.Find("button[aria-label='Next page']").Click());
        list.WaitForAssertion(() => Assert.Equal(5, Titles(list).Count));
        Assert.EndsWith("event 0", Titles(list)[^1]);
    }

    [Fact]
    public async Task A_status_filter_asks_the_core_again_and_an_empty_result_says_so()
    {
        var ruleId = await RuleWithEventsAsync(2);
        var popovers = Popovers;
        var list = Render(new AlertEventFilter { AlertRuleId = ruleId });
        list.WaitForAssertion(() => Assert.Equal(2, Titles(list).Count));

        list.OnRenderer(() => list.FindAll(".alert-filters .mud-select").First().QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input-slot")!.MouseDown());
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-list-item")));
        popovers.OnRenderer(() => popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Resolved").Click());

        list.WaitForAssertion(() => Assert.Empty(Titles(list)));
        Assert.Contains("No alerts match.", list.Find(".empty-state").TextContent);
    }

    [Fact]
    public async Task An_operator_acknowledges_from_the_row_in_two_clicks_with_an_optional_note()
    {
        var alert = await FiringAsync(Unique("row-ack"));
        var dialogs = RenderDialogs();
        var list = Render(new AlertEventFilter { TargetId = alert.TargetId, TargetType = AlertTargetType.Service });
        list.WaitForAssertion(() => Assert.Single(Titles(list)));

        list.OnRenderer(() => list.Find($"button[aria-label='Acknowledge {alert.Title}']").Click());
        dialogs.WaitForElement("textarea");
        dialogs.OnRenderer(() => dialogs.Find("textarea").Change("on it"));
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Acknowledge")).Click());

        list.WaitForAssertion(() => Assert.Contains("Acknowledged", list.Find(".ack-mark").TextContent), TimeSpan.FromSeconds(10));
        var stored = await ReloadAsync(alert.Id);
        Assert.Equal((true, "on it"), (stored.Acknowledged, stored.AckNote));
    }

    [Fact]
    public async Task An_operator_silences_from_the_row_menu_in_two_clicks()
    {
        var alert = await FiringAsync(Unique("row-silence"));
        var popovers = Popovers;
        var list = Render(new AlertEventFilter { TargetId = alert.TargetId, TargetType = AlertTargetType.Service });
        list.WaitForAssertion(() => Assert.Single(Titles(list)));

        list.OnRenderer(() => list.Find($"button[aria-label='Silence {alert.Title}']").Click());
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-menu-item")));
        popovers.OnRenderer(() => popovers.FindAll(".mud-menu-item").Single(i => System.Text.RegularExpressions.Regex.Replace(i.TextContent.Trim(), @"\s+", " ") == "Silence 4 h").Click());

        await Eventually.TrueAsync(async () => (await ReloadAsync(alert.Id)).Status == AlertEventStatus.Silenced, "the event to be silenced");
        var until = (await ReloadAsync(alert.Id)).SilenceUntil!.Value;
        Assert.InRange(until, DateTime.UtcNow.AddHours(3.9), DateTime.UtcNow.AddHours(4.1));
    }

    [Fact]
    public async Task Bulk_acknowledge_shows_progress_then_a_result_message_that_stays()
    {
        var first = await FiringAsync(Unique("bulk-ui"));
        var second = await FiringAsync(Unique("bulk-ui"));
        var dialogs = RenderDialogs();
        var list = Render(new AlertEventFilter { Status = AlertEventStatus.Firing, Acknowledged = false });
        list.WaitForAssertion(() => Assert.Contains(first.Title, Titles(list)));

        foreach (var alert in new[] { first, second })
            list.OnRenderer(() => list.Find($"input[aria-label='Select {alert.Title}'], [aria-label='Select {alert.Title}'] input").Change(true));
        list.OnRenderer(() => list.FindAll(".page-header button").Single(b => b.TextContent.Contains("Acknowledge selected (2)")).Click());
        dialogs.OnRenderer(() => dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Contains("Acknowledge")).Click());

        list.WaitForAssertion(() => Assert.Contains("2 alerts acknowledged", list.Find(".bulk-result").TextContent), TimeSpan.FromSeconds(15));
        Assert.True((await ReloadAsync(first.Id)).Acknowledged);
        Assert.True((await ReloadAsync(second.Id)).Acknowledged);
    }

    [Fact]
    public async Task A_viewer_reads_the_list_without_selection_acknowledge_or_silence()
    {
        SignIn(UserRole.Viewer);
        var alert = await FiringAsync(Unique("viewer-row"));
        var list = Render(new AlertEventFilter { TargetId = alert.TargetId, TargetType = AlertTargetType.Service });

        list.WaitForAssertion(() => Assert.Single(Titles(list)));
        Assert.Contains("Firing", list.Find("tbody").TextContent);
        Assert.Empty(list.FindAll(".page-header button"));
        Assert.Empty(list.FindAll("tbody button"));
        Assert.Empty(list.FindAll("tbody input[type=checkbox]"));
    }
}
