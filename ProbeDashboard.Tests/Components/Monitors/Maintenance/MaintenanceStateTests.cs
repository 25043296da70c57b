using Bunit;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors;

namespace ProbeDashboard.Tests.Components.Monitors.Maintenance;

/// <summary>
/// The "maintenance" state: a live monitor inside an active window shows it in the list (both languages), the list's
/// state filter offers it and narrows to it (and the "offline" filter no longer lists the monitor), and a window that
/// has not started changes nothing.
/// </summary>
public sealed class MaintenanceStateTests : CoreComponentTest
{
    private async Task<(MonitorDefinition Patched, MonitorDefinition Other)> ArrangeAsync(bool activeNow = true)
    {
        await MigrateAsync();
        MonitorDefinition patched, other;
        await using (var db = Db())
        {
            patched = await MonitorTestData.AddMonitorAsync(db, "patched-db", MonitorStatus.Offline);
            other = await MonitorTestData.AddMonitorAsync(db, "other-db", MonitorStatus.Offline);
        }
        var now = DateTime.UtcNow;
        var start = activeNow ? now.AddMinutes(-5) : now.AddHours(2);
        var input = new MaintenanceWindowInput("db patching", null, [patched.Id], null, "once", start, start.AddHours(1),
            null, null, null, null, null, null, null, true);
        Assert.Equal(MaintenanceOutcome.Done, (await Get<MaintenanceWindowService>().CreateAsync(Actor.System, input, CancellationToken.None)).Outcome);
        return (patched, other);
    }

    private static string StateOf(IRenderedComponent<MonitorList> list, string name) =>
        list.FindAll("tbody tr.mud-table-row").Single(r => r.TextContent.Contains(name)).QuerySelector(".status")!.TextContent.Trim();

    [Fact]
    public async Task A_monitor_inside_an_active_window_shows_maintenance_and_one_outside_keeps_its_state()
    {
        await ArrangeAsync();

        var list = Ctx.Render<MonitorList>();

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));
        Assert.Equal("Maintenance", StateOf(list, "patched-db"));
        Assert.Equal("Offline", StateOf(list, "other-db"));
        Assert.Single(list.FindAll("tbody .status-maintenance"));
    }

    [Fact]
    public async Task The_state_is_named_in_chinese()
    {
        await ArrangeAsync();
        UseCulture("zh-Hans");

        var list = Ctx.Render<MonitorList>();

        list.WaitForAssertion(() => Assert.Equal("维护中", StateOf(list, "patched-db")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_state_filter_offers_maintenance_and_narrows_to_it_while_offline_leaves_it_out()
    {
        await ArrangeAsync();

        var inMaintenance = Ctx.Render<MonitorList>(p => p.Add(l => l.InitialStatus, ShownStatus.Maintenance));
        inMaintenance.WaitForAssertion(() => Assert.Contains("patched-db", Assert.Single(inMaintenance.FindAll("tbody tr.mud-table-row")).TextContent), TimeSpan.FromSeconds(10));
        var offline = Ctx.Render<MonitorList>(p => p.Add(l => l.InitialStatus, ShownStatus.Offline));
        offline.WaitForAssertion(() => Assert.Contains("other-db", Assert.Single(offline.FindAll("tbody tr.mud-table-row")).TextContent), TimeSpan.FromSeconds(10));

        var popovers = RenderPopovers();
        var list = Ctx.Render<MonitorList>();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));
        list.OnRenderer(() => list.FindAll(".mud-select").Last(s => s.QuerySelector("label")?.TextContent.Trim() == "Status")
            .QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input-slot")!.MouseDown());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == "Maintenance"), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_window_that_has_not_started_changes_nothing()
    {
        await ArrangeAsync(activeNow: false);

        var list = Ctx.Render<MonitorList>();

        list.WaitForAssertion(() => Assert.Equal("Offline", StateOf(list, "patched-db")), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll("tbody .status-maintenance"));
    }
}
