using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeResult = ProbeDashboard.Core.Results.ProbeResult;
using ProbeDashboard.Monitors;
using ProbeDashboard.Monitors.LiveCells;

namespace ProbeDashboard.Tests.Components.Monitors;

public class MonitorListTests : CoreComponentTest
{
    [Fact]
    public async Task Without_monitors_an_operator_gets_the_first_run_help_with_a_way_to_add_one()
    {
        await MigrateAsync();

        var list = Ctx.Render<MonitorList>();

        list.WaitForAssertion(() => Assert.Contains("No monitors yet", list.Find(".empty-state").TextContent));
        Assert.Contains(list.FindAll("button"), b => b.TextContent.Contains("Add your first monitor"));
    }

    [Fact]
    public async Task A_page_of_rows_from_core_each_with_its_heartbeat_bar_and_the_pager_counts_them_all()
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            var hostId = db.Hosts.Single(h => h.IsServer).Id;
            for (var i = 0; i < 23; i++) await MonitorTestData.AddMonitorAsync(db, $"m{i:00}");
            var down = await MonitorTestData.AddMonitorAsync(db, "broken", MonitorStatus.Offline, lastError: "timeout");
            await MonitorTestData.AddResultsAsync(db, down.Id, hostId, true, true, false);
        }

        var list = Ctx.Render<MonitorList>();

        list.WaitForAssertion(() => Assert.Equal(20, list.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));
        var first = list.FindAll("tbody tr.mud-table-row")[0];
        // What is down comes first, with its bar counting the rounds.
        Assert.Contains("broken", first.TextContent);
        Assert.Equal("Last 50 rounds: 2 up, 1 down, 47 without data", first.QuerySelector("[role=img]")!.GetAttribute("aria-label"));
        Assert.Equal(20, list.FindAll("tbody [role=img].heartbeat").Count);
        Assert.Contains("1–20 of 24", list.Find(".mud-table-pagination").TextContent);
    }

    [Fact]
    public async Task Two_open_lists_both_show_a_monitor_going_down_once_it_is_announced()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db()) id = (await MonitorTestData.AddMonitorAsync(db, "shop")).Id;
        var lists = new[] { Ctx.Render<MonitorList>(), Ctx.Render<MonitorList>() };
        foreach (var list in lists)
            list.WaitForAssertion(() => Assert.NotNull(list.Find("tbody tr.mud-table-row .status-online")), TimeSpan.FromSeconds(10));

        await using (var db = Db())
        {
            var monitor = await db.Monitors.SingleAsync(m => m.Id == id);
            monitor.Current.Status = MonitorStatus.Offline;
            monitor.Current.StatusSince = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        Get<EventBus>().Publish(new MonitorStatusChanged(id, MonitorStatus.Offline, DateTime.UtcNow));

        foreach (var list in lists)
            list.WaitForAssertion(() => Assert.NotNull(list.Find("tbody tr.mud-table-row .status-offline")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_live_refresh_redraws_the_rows_but_not_the_filters_nor_an_unchanged_rows_switch_and_buttons()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db()) id = (await MonitorTestData.AddMonitorAsync(db, "shop")).Id;
        var list = Ctx.Render<MonitorList>();
        list.WaitForAssertion(() => Assert.NotNull(list.Find("[aria-label='Edit shop']")), TimeSpan.FromSeconds(10));
        var actions = list.FindComponent<MonitorRowActions>();
        var drawn = actions.RenderCount;
        var enabledFilter = list.FindComponent<MudBlazor.MudSelect<bool?>>();
        var filterDrawn = enabledFilter.RenderCount;

        // A result came in and the status went down: the row is drawn again, its switch and buttons are not.
        await using (var db = Db())
        {
            var monitor = await db.Monitors.SingleAsync(m => m.Id == id);
            monitor.Current.Status = MonitorStatus.Offline;
            monitor.Current.StatusSince = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        Get<EventBus>().Publish(new MonitorStatusChanged(id, MonitorStatus.Offline, DateTime.UtcNow));
        list.WaitForAssertion(() => Assert.NotNull(list.Find("tbody tr.mud-table-row .status-offline")), TimeSpan.FromSeconds(10));
        Assert.Equal(drawn, actions.RenderCount);
        // The grid reloaded and drew its rows itself: the list around it (filters, header) was not drawn again.
        Assert.Equal(filterDrawn, enabledFilter.RenderCount);

        // Renamed elsewhere: the buttons' labels follow.
        await using (var db = Db())
            await db.Monitors.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "webshop"));
        Get<EventBus>().Publish(new MonitorStatusChanged(id, MonitorStatus.Offline, DateTime.UtcNow));
        list.WaitForAssertion(() => Assert.NotNull(list.Find("[aria-label='Edit webshop']")), TimeSpan.FromSeconds(10));
        Assert.NotNull(list.Find("[aria-label='Delete webshop']"));
    }

    [Fact]
    public async Task A_routine_result_draws_its_rows_new_tick_without_drawing_the_grid_or_the_other_rows_again()
    {
        await MigrateAsync();
        int shopId, apiId, hostId;
        await using (var db = Db())
        {
            hostId = db.Hosts.Single(h => h.IsServer).Id;
            (shopId, apiId) = ((await MonitorTestData.AddMonitorAsync(db, "shop")).Id, (await MonitorTestData.AddMonitorAsync(db, "api")).Id);
            // Two rounds two minutes and ninety seconds ago: the next round's result has a slot of its own.
            db.ProbeResults.AddRange([
                new ProbeResult { MonitorId = shopId, HostId = hostId, Timestamp = DateTime.UtcNow.AddSeconds(-120), Success = true, LatencyMs = 40 },
                new ProbeResult { MonitorId = shopId, HostId = hostId, Timestamp = DateTime.UtcNow.AddSeconds(-90), Success = true, LatencyMs = 41 },
            ]);
            await db.SaveChangesAsync();
        }
        var list = Ctx.Render<MonitorList>();
        list.WaitForAssertion(() => Assert.Equal("Last 50 rounds: 2 up, 0 down, 48 without data", ShopBar().GetAttribute("aria-label")), TimeSpan.FromSeconds(10));
        // A grid that draws hands every live cell new content, which always draws it: the other row's cells tell.
        var apiCells = list.FindComponents<LiveRowCell>().Where(c => c.Instance.RowId == apiId).ToList();
        var apiCellsDrawn = apiCells.Select(c => c.RenderCount).ToList();
        Assert.Equal(3, apiCells.Count);

        // A round failed and the writer said so; the status is unchanged (a first failure is not yet an outage).
        var failed = new ProbeResult { MonitorId = shopId, HostId = hostId, Timestamp = DateTime.UtcNow, Success = false, ErrorMessage = "connection refused" };
        await using (var db = Db())
        {
            db.ProbeResults.Add(failed);
            await db.SaveChangesAsync();
        }
        Get<EventBus>().Publish(new ProbeResultsCommitted([failed], []));

        list.WaitForAssertion(() => Assert.Equal("Last 50 rounds: 2 up, 1 down, 47 without data", ShopBar().GetAttribute("aria-label")), TimeSpan.FromSeconds(10));
        Assert.Equal(apiCellsDrawn, apiCells.Select(c => c.RenderCount));
        Assert.Contains(list.FindAll("tbody tr.mud-table-row .monitor-name"), a => a.TextContent == "api");

        AngleSharp.Dom.IElement ShopBar() => list.FindAll("tbody tr.mud-table-row").Single(r => r.TextContent.Contains("shop")).QuerySelector("[role=img]")!;
    }

    [Fact]
    public async Task A_routine_result_that_comes_with_a_changed_status_reloads_the_grid()
    {
        await MigrateAsync();
        int id, hostId;
        await using (var db = Db())
        {
            hostId = db.Hosts.Single(h => h.IsServer).Id;
            id = (await MonitorTestData.AddMonitorAsync(db, "shop")).Id;
        }
        var list = Ctx.Render<MonitorList>();
        list.WaitForAssertion(() => Assert.NotNull(list.Find("tbody tr.mud-table-row .status-online")), TimeSpan.FromSeconds(10));

        // The status change's own event has not come (yet): the result alone must not leave a stale badge next to a new tick.
        var failed = new ProbeResult { MonitorId = id, HostId = hostId, Timestamp = DateTime.UtcNow, Success = false, ErrorMessage = "connection refused" };
        await using (var db = Db())
        {
            db.ProbeResults.Add(failed);
            var monitor = await db.Monitors.SingleAsync(m => m.Id == id);
            monitor.Current.Status = MonitorStatus.Offline;
            monitor.Current.StatusSince = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }
        Get<EventBus>().Publish(new ProbeResultsCommitted([failed], []));

        list.WaitForAssertion(() => Assert.NotNull(list.Find("tbody tr.mud-table-row .status-offline")), TimeSpan.FromSeconds(10));
        Assert.Equal("Last 50 rounds: 0 up, 1 down, 49 without data", list.Find("tbody tr.mud-table-row [role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_rows_switch_disables_the_monitor_and_stays_off()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db()) id = (await MonitorTestData.AddMonitorAsync(db, "shop")).Id;
        var list = Ctx.Render<MonitorList>();
        list.WaitForAssertion(() => Assert.NotNull(list.Find("tbody input[type=checkbox]")), TimeSpan.FromSeconds(10));

        await list.Find("tbody input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = false });

        await using (var db = Db()) Assert.False((await db.Monitors.SingleAsync(m => m.Id == id)).Enabled);
        list.WaitForAssertion(() => Assert.False(list.Find("tbody input[type=checkbox]").HasAttribute("checked")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_status_filter_from_the_overview_link_narrows_the_rows_in_sql()
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            await MonitorTestData.AddMonitorAsync(db, "up-one");
            await MonitorTestData.AddMonitorAsync(db, "down-one", MonitorStatus.Offline);
        }

        var list = Ctx.Render<MonitorList>(p => p.Add(l => l.InitialStatus, ShownStatus.Offline));

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        Assert.Contains("down-one", list.Find("tbody tr.mud-table-row").TextContent);
    }

    [Fact]
    public async Task Typing_a_search_reloads_the_first_page_with_matching_rows_only()
    {
        await MigrateAsync();
        await using (var db = Db())
        {
            await MonitorTestData.AddMonitorAsync(db, "checkout");
            await MonitorTestData.AddMonitorAsync(db, "search-api");
        }
        var list = Ctx.Render<MonitorList>();
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tbody tr.mud-table-row").Count), TimeSpan.FromSeconds(10));

        list.OnRenderer(() => list.Find(".filter-search input").Input("check"));

        list.WaitForAssertion(() => Assert.Equal(["checkout"], list.FindAll("tbody tr.mud-table-row .monitor-name").Select(a => a.TextContent)), TimeSpan.FromSeconds(10));
    }
}

public class MonitorListViewerTests : CoreComponentTest
{
    public MonitorListViewerTests() : base(UserRole.Viewer) { }

    [Fact]
    public async Task A_viewer_sees_rows_without_add_edit_or_delete_and_the_switches_are_disabled()
    {
        await MigrateAsync();
        await using (var db = Db()) await MonitorTestData.AddMonitorAsync(db, "watched");

        var list = Ctx.Render<MonitorList>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("tbody tr.mud-table-row")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(list.FindAll("button"), b => b.TextContent.Contains("Add monitor") || b.GetAttribute("aria-label")?.StartsWith("Delete") == true);
        Assert.NotNull(list.Find("tbody input[type=checkbox]").GetAttribute("disabled"));
    }
}
