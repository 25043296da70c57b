using Bunit;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.StatusPages.Maintenance;
using ProbeDashboard.Tests.Components.Monitors;

namespace ProbeDashboard.Tests.Components.Maintenance;

/// <summary>The maintenance notice on the monitor detail page and the overview: running and coming windows, or nothing.</summary>
public class MaintenanceNoticeTests : CoreComponentTest
{
    [Fact]
    public async Task A_monitor_in_a_running_window_says_so_others_show_nothing_and_the_overview_lists_coming_windows_too()
    {
        await MigrateAsync();
        int worked, other;
        await using (var db = Db())
        {
            worked = (await MonitorTestData.AddMonitorAsync(db, "db")).Id;
            other = (await MonitorTestData.AddMonitorAsync(db, "web")).Id;
        }
        var now = Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var windows = Get<MaintenanceWindowService>();
        await windows.CreateAsync(Actor.System, new MaintenanceWindowInput("DB upgrade", null, [worked], null, "once", now.AddMinutes(-5), now.AddHours(1),
            null, null, null, null, null, null, null, true), default);
        await windows.CreateAsync(Actor.System, new MaintenanceWindowInput("Rack move", null, [worked], null, "once", now.AddDays(2), now.AddDays(2.1),
            null, null, null, null, null, null, null, true), default);

        var detail = Ctx.Render<MaintenanceNotice>(p => p.Add(n => n.MonitorId, worked));
        var quiet = Ctx.Render<MaintenanceNotice>(p => p.Add(n => n.MonitorId, other));
        var overview = Ctx.Render<MaintenanceNotice>();

        detail.WaitForAssertion(() => Assert.Equal(2, detail.FindAll(".mud-alert").Count));
        Assert.Contains("In maintenance:", detail.FindAll(".mud-alert")[0].TextContent);
        Assert.Contains("DB upgrade", detail.FindAll(".mud-alert")[0].TextContent);
        Assert.Contains("Upcoming maintenance:", detail.FindAll(".mud-alert")[1].TextContent);
        Assert.Equal("maintenance", detail.Find("a").GetAttribute("href"));
        // Start and end are <time> elements shown in the reader's zone (UTC on hover), like every other time here.
        var shown = detail.FindAll(".mud-alert")[0].QuerySelectorAll("time")
            .Select(t => DateTime.Parse(t.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();
        Assert.Equal(2, shown.Count);
        Assert.InRange(shown[0], now.AddMinutes(-6), now.AddMinutes(-4));
        Assert.InRange(shown[1], now.AddMinutes(59), now.AddMinutes(61));
        quiet.WaitForAssertion(() => Assert.Empty(quiet.FindAll("section")));
        overview.WaitForAssertion(() => Assert.Equal(["DB upgrade", "Rack move"], overview.FindAll("a").Select(a => a.TextContent)));
    }
}
