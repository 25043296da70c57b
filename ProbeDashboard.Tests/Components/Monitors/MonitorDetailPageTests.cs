using Bunit;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.Detail;

namespace ProbeDashboard.Tests.Components.Monitors;

public class MonitorDetailPageTests : CoreComponentTest
{
    public MonitorDetailPageTests() => Ctx.JSInterop.SetupModule("./assets/js/charts.js");

    [Fact]
    public async Task An_unknown_monitor_shows_only_the_message_and_the_way_back()
    {
        await MigrateAsync();

        var page = Ctx.Render<MonitorDetailPage>(p => p.Add(d => d.Id, 4242));

        page.WaitForAssertion(() => Assert.Contains("Monitor not found", page.Find(".empty-state h2").TextContent));
        Assert.Equal("monitors", page.Find(".empty-state a").GetAttribute("href"));
        Assert.Empty(page.FindAll("section.card"));
        Assert.Empty(page.FindAll(".heartbeat, figure, .mud-table"));
    }

    [Fact]
    public async Task The_page_shows_the_last_100_rounds_uptime_windows_and_the_sections_below()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db())
        {
            var monitor = await MonitorTestData.AddMonitorAsync(db, "shop");
            await MonitorTestData.AddResultsAsync(db, monitor.Id, db.Hosts.Single(h => h.IsServer).Id, true, false, true);
            id = monitor.Id;
        }

        var page = Ctx.Render<MonitorDetailPage>(p => p.Add(d => d.Id, id));

        page.WaitForAssertion(() => Assert.Equal("shop", page.Find("h1").TextContent));
        Assert.Equal("Last 100 rounds: 2 up, 1 down, 97 without data", page.Find(".heartbeat[role=img]").GetAttribute("aria-label"));
        Assert.Equal(["Uptime 24 h", "Uptime 30 d", "Uptime 1 y"], page.FindAll(".uptime dt").Select(d => d.TextContent));
        Assert.Contains(page.FindAll("h2"), h => h.TextContent == "Probe history");
        page.WaitForAssertion(() => Assert.Contains("connection refused", page.Find("section[aria-labelledby=history-heading]").TextContent));
    }

    [Fact]
    public async Task A_monitor_whose_alerts_would_reach_nobody_says_so()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db()) id = (await MonitorTestData.AddMonitorAsync(db, "silent", enableAlert: true)).Id;

        var page = Ctx.Render<MonitorDetailPage>(p => p.Add(d => d.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Alerts for this monitor would reach nobody.", page.Find(".alert-reach").TextContent));
    }

    [Fact]
    public async Task A_monitor_alerting_the_default_group_names_it_and_its_channels()
    {
        await MigrateAsync();
        int id;
        await using (var db = Db())
        {
            await MonitorTestData.AddGroupAsync(db, "On call", isDefault: true);
            id = (await MonitorTestData.AddMonitorAsync(db, "loud", enableAlert: true)).Id;
        }

        var page = Ctx.Render<MonitorDetailPage>(p => p.Add(d => d.Id, id));

        page.WaitForAssertion(() => Assert.Contains("Alerts go to:", page.Find(".alert-reach").TextContent));
        Assert.Contains("On call", page.Find(".alert-reach").TextContent);
        Assert.Contains("(email)", page.Find(".alert-reach").TextContent);
        Assert.Contains("default group", page.Find(".alert-reach").TextContent);
    }
}
