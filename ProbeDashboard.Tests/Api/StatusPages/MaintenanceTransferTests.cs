using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>Maintenance windows in configuration export and import: monitors by name, matched by title, all-or-nothing.</summary>
public class MaintenanceTransferTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    [Fact]
    public async Task An_exported_window_names_its_monitors_and_comes_back_the_same_after_being_deleted()
    {
        var monitor = await factory.AddMonitorAsync();
        var title = $"Sunday patching {Guid.NewGuid():N}";
        var input = new MaintenanceWindowInput(title, "kernel", [monitor.Id], null, "weekly", null, null, null, ["sun", "sat"], "02:30", 90,
            "Europe/Berlin", null, null, true);
        var windows = factory.Services.GetRequiredService<MaintenanceWindowService>();
        var window = (await windows.CreateAsync(Actor.System, input, default)).Window!;
        using var admin = await factory.CreateAdminClientAsync();

        var exported = await admin.GetStringAsync("/api/v1/config/export?format=json");
        var item = JsonNode.Parse(exported)!["maintenance_windows"]!.AsArray().Single(w => w!["title"]!.GetValue<string>() == title)!;
        Assert.Equal(monitor.Name, item["monitors"]![0]!.GetValue<string>());
        Assert.Equal(("weekly", "02:30", 90), (item["schedule"]!.GetValue<string>(), item["start_time"]!.GetValue<string>(), item["duration_minutes"]!.GetValue<int>()));

        using (var again = await ImportAsync(admin, exported))
        {
            var body = await again.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(0, Counts(body, "created") + Counts(body, "updated"));
        }
        await windows.DeleteAsync(Actor.System, window.Id, default);
        using var restored = await ImportAsync(admin, exported);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(1, Counts(await restored.Content.ReadAsStringAsync(), "created"));
        var back = await factory.WithDbAsync(db => db.MaintenanceWindows.Include(w => w.Monitors).SingleAsync(w => w.Title == title));
        Assert.Equal((monitor.Id, "Europe/Berlin", 0b1000001), (back.Monitors.Single().MonitorId, back.TimeZone, back.WeekDays));
    }

    [Fact]
    public async Task A_window_naming_an_unknown_monitor_or_a_bad_cron_is_refused_and_nothing_is_imported()
    {
        var monitor = await factory.AddMonitorAsync();
        using var admin = await factory.CreateAdminClientAsync();
        var document = $$"""
            {"format": "probedashboard-config", "version": 1, "maintenance_windows": [
              {"title": "imported-ok", "monitors": ["{{monitor.Name}}"], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"},
              {"title": "ghosts", "monitors": ["no such monitor"], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"},
              {"title": "bad cron", "monitors": ["{{monitor.Name}}"], "schedule": "cron", "cron": "0 99 * * *", "duration_minutes": 5}]}
            """;

        using var response = await ImportAsync(admin, document);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maintenance_windows[ghosts].monitors[0]", body);
        Assert.Contains("maintenance_windows[bad cron].cron", body);
        Assert.False(await factory.WithDbAsync(db => db.MaintenanceWindows.AnyAsync(w => w.Title == "imported-ok")));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, string document)
    {
        using var content = new StringContent(document, Encoding.UTF8, "application/json");
        return await admin.PostAsync("/api/v1/config/import", content);
    }

    private static int Counts(string body, string field) =>
        JsonNode.Parse(body)!["data"]!["sections"]!.AsArray().Where(s => s!["section"]!.GetValue<string>() == "maintenance_windows").Sum(s => s![field]!.GetValue<int>());
}
