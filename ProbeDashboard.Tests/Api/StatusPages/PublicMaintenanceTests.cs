using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>Maintenance on the public page: the state of the monitors in a window, the headline, and what is coming up.</summary>
public class PublicMaintenanceTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    private async Task WindowAsync(string title, int monitorId, TimeSpan from, TimeSpan until, string description = "reboot db-7.corp.internal")
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var input = new MaintenanceWindowInput(title, description, [monitorId], null, "once", now + from, now + until, null, null, null, null, null, null, null, true);
        Assert.Equal(MaintenanceOutcome.Done, (await factory.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, input, default)).Outcome);
    }

    [Fact]
    public async Task A_monitor_in_an_active_window_shows_maintenance_and_the_page_is_under_maintenance_with_the_window_listed()
    {
        var db = await factory.AddMonitorAsync(MonitorStatus.Offline);
        var web = await factory.AddMonitorAsync();
        await WindowAsync("Database upgrade", db.Id, TimeSpan.FromMinutes(-10), TimeSpan.FromHours(2));
        var page = await factory.AddPageAsync(true, null, ("All", [(db.Id, "Database"), (web.Id, "Website")]));
        using var client = factory.CreateClient();

        var summary = await (await client.GetAsync($"/status/{page.Slug}/summary.json")).JsonAsync();
        var html = await client.GetStringAsync($"/status/{page.Slug}");

        Assert.Equal("under_maintenance", summary.GetProperty("state").GetString());
        var monitors = summary.GetProperty("sections")[0].GetProperty("monitors");
        Assert.Equal(["maintenance", "operational"], monitors.EnumerateArray().Select(m => m.GetProperty("state").GetString()));
        var window = summary.GetProperty("maintenance").EnumerateArray().Single();
        Assert.Equal(("Database upgrade", true), (window.GetProperty("title").GetString(), window.GetProperty("active").GetBoolean()));
        Assert.Equal(["Database"], window.GetProperty("monitors").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Under maintenance", html);
        Assert.Contains("Scheduled maintenance", html);
        Assert.Contains("Affects: Database", html);
        // The window's description is for operators; the internal monitor name stays hidden behind the display name.
        Assert.DoesNotContain("db-7.corp.internal", html + summary);
        Assert.DoesNotContain(db.Name, html + summary);
    }

    [Fact]
    public async Task An_outage_outside_maintenance_outranks_it_and_an_upcoming_window_is_listed_but_changes_no_state()
    {
        var down = await factory.AddMonitorAsync(MonitorStatus.Offline);
        var worked = await factory.AddMonitorAsync();
        var later = await factory.AddMonitorAsync();
        await WindowAsync("Now", worked.Id, TimeSpan.FromMinutes(-1), TimeSpan.FromHours(1));
        await WindowAsync("Next week", later.Id, TimeSpan.FromDays(6), TimeSpan.FromDays(6.1));
        await WindowAsync("Far off", later.Id, TimeSpan.FromDays(40), TimeSpan.FromDays(41));
        var page = await factory.AddPageAsync(true, null, ("All", [(down.Id, "Checkout"), (worked.Id, "Search"), (later.Id, "Mail")]));
        using var client = factory.CreateClient();

        var summary = await (await client.GetAsync($"/status/{page.Slug}/summary.json")).JsonAsync();

        Assert.Equal("partial_outage", summary.GetProperty("state").GetString());
        Assert.Equal(["down", "maintenance", "operational"],
            summary.GetProperty("sections")[0].GetProperty("monitors").EnumerateArray().Select(m => m.GetProperty("state").GetString()));
        Assert.Equal([("Now", true), ("Next week", false)],
            summary.GetProperty("maintenance").EnumerateArray().Select(w => (w.GetProperty("title").GetString(), w.GetProperty("active").GetBoolean())));
    }

    [Fact]
    public async Task The_status_badge_of_a_monitor_in_maintenance_says_so()
    {
        var monitor = await factory.AddMonitorAsync(MonitorStatus.Offline);
        await WindowAsync("Badge window", monitor.Id, TimeSpan.FromMinutes(-1), TimeSpan.FromHours(1));
        await factory.AddPageAsync(true, null, ("All", [(monitor.Id, null)]));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/badge/{monitor.Id}/status.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(">maintenance<", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_window_planned_after_the_page_was_read_is_listed_on_the_next_request()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("All", [(monitor.Id, "Mail")]));
        using var client = factory.CreateClient();
        var before = await (await client.GetAsync($"/status/{page.Slug}/summary.json")).JsonAsync();
        Assert.Equal(0, before.GetProperty("maintenance").GetArrayLength());

        // The page's data is kept for 15 s; an edit of the windows (announced on the bus, to every node) clears it.
        await WindowAsync("Planned tonight", monitor.Id, TimeSpan.FromHours(3), TimeSpan.FromHours(4));

        var after = await (await client.GetAsync($"/status/{page.Slug}/summary.json")).JsonAsync();
        Assert.Equal(["Planned tonight"], after.GetProperty("maintenance").EnumerateArray().Select(w => w.GetProperty("title").GetString()));
    }
}
