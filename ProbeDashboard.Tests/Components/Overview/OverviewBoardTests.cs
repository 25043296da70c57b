using Bunit;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Overview;
using ProbeDashboard.Tests.Components.Monitors;

namespace ProbeDashboard.Tests.Components.Overview;

public class OverviewBoardTests : CoreComponentTest
{
    [Fact]
    public async Task Without_monitors_the_overview_is_the_first_run_help()
    {
        await MigrateAsync();

        var board = Ctx.Render<OverviewBoard>();

        board.WaitForAssertion(() => Assert.Contains("No monitors yet", board.Markup));
        Assert.Equal("monitors/new", board.Find(".empty-state a").GetAttribute("href"));
    }

    [Fact]
    public async Task Counts_down_now_since_when_heartbeat_rows_and_incidents_newest_first()
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            var hostId = db.Hosts.Single(h => h.IsServer).Id;
            var up = await MonitorTestData.AddMonitorAsync(db, "storefront");
            await MonitorTestData.AddResultsAsync(db, up.Id, hostId, true, true, true);
            await MonitorTestData.AddMonitorAsync(db, "payments", MonitorStatus.Offline, since: DateTime.UtcNow.AddMinutes(-42), lastError: "timeout after 10s");
            var now = DateTime.UtcNow;
            db.AlertEvents.AddRange(
                Event("older incident", now.AddHours(-2), AlertEventStatus.Resolved),
                Event("newest incident", now.AddMinutes(-1), AlertEventStatus.Firing));
            await db.SaveChangesAsync();
        }

        var board = Ctx.Render<OverviewBoard>();

        board.WaitForAssertion(() => Assert.Contains("payments", board.Find(".down-list").TextContent));
        Assert.Equal(["Online: 1", "Offline: 1", "Paused: 0", "Unknown: 0", "Maintenance: 0"], board.FindAll(".counts [role=listitem]").Select(c => c.GetAttribute("aria-label")));
        Assert.Contains("Down since", board.Find(".down-item").TextContent);
        Assert.Contains("timeout after 10s", board.Find(".down-item").TextContent);
        Assert.Equal(["newest incident", "older incident"], board.FindAll(".incident .name").Select(a => a.TextContent));
        var rows = board.FindAll(".beat-row");
        Assert.Equal(["payments", "storefront"], rows.Select(r => r.QuerySelector(".monitor-name")!.TextContent));
        Assert.Equal("Last 50 rounds: 3 up, 0 down, 47 without data", rows[1].QuerySelector("[role=img]")!.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("en", "Maintenance: 1", "Offline: 0")]
    [InlineData("zh-Hans", "维护中: 1", "离线: 0")]
    public async Task A_monitor_in_an_active_maintenance_window_counts_under_maintenance_not_under_its_last_result(string culture, string maintenance, string offline)
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            var worked = await MonitorTestData.AddMonitorAsync(db, "database", MonitorStatus.Offline, since: DateTime.UtcNow.AddMinutes(-5));
            await MonitorTestData.AddMonitorAsync(db, "website");
            db.MaintenanceWindows.Add(new ProbeDashboard.Core.Maintenance.MaintenanceWindow
            {
                Title = "upgrade", Kind = ProbeDashboard.Core.Maintenance.MaintenanceScheduleKind.Once, StartsAt = DateTime.UtcNow.AddHours(-1), EndsAt = DateTime.UtcNow.AddHours(1),
                Monitors = [new() { MonitorId = worked.Id }], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        UseCulture(culture);

        var board = Ctx.Render<OverviewBoard>();

        board.WaitForAssertion(() => Assert.Equal(5, board.FindAll(".counts [role=listitem]").Count));
        var cards = board.FindAll(".counts [role=listitem]");
        Assert.Contains(maintenance, cards.Select(c => c.GetAttribute("aria-label")));
        Assert.Contains(offline, cards.Select(c => c.GetAttribute("aria-label")));
        var card = board.Find(".count.maintenance");
        Assert.Equal("monitors?status=maintenance", card.GetAttribute("href"));
        Assert.Contains("nonzero", card.ClassList);
    }

    private static AlertEvent Event(string title, DateTime at, AlertEventStatus status) => new()
    {
        SourceKey = "test:" + title, AlertRuleName = "rule", Condition = "x", TargetType = AlertTargetType.Service, TargetName = "payments",
        Status = status, Level = AlertLevel.Critical, Title = title, Message = title, PendingSince = at, TriggerTime = at,
    };
}
