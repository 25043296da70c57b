using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>/api/v1/maintenance-windows: operators plan windows, viewers read them, bad input is a 400 naming the field.</summary>
public class MaintenanceWindowsApiTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    private string At(TimeSpan fromNow) => (factory.Clock.GetUtcNow() + fromNow).ToString("O");

    [Fact]
    public async Task An_operator_creates_reads_replaces_lists_and_deletes_a_window_and_the_response_says_whether_it_runs_now()
    {
        var monitor = await factory.AddMonitorAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var created = await client.PostAsync("/api/v1/maintenance-windows", ApiJson.Raw($$"""
            {"title": "DB upgrade", "description": "v17", "monitor_ids": [{{monitor.Id}}], "schedule": "once",
             "start": "{{At(TimeSpan.FromMinutes(-5))}}", "end": "{{At(TimeSpan.FromHours(1))}}"}
            """));
        var data = (await created.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = data.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/maintenance-windows/{id}", created.Headers.Location!.OriginalString);
        Assert.True(data.GetProperty("active").GetBoolean());
        Assert.True(data.GetProperty("enabled").GetBoolean());
        Assert.Equal([monitor.Id], data.GetProperty("monitor_ids").EnumerateArray().Select(i => i.GetInt32()));

        using var replaced = await client.PutAsync($"/api/v1/maintenance-windows/{id}", ApiJson.Raw($$"""
            {"title": "Sunday patching", "monitor_ids": [{{monitor.Id}}], "schedule": "weekly", "week_days": ["sun"], "start_time": "03:00",
             "duration_minutes": 90, "timezone": "Europe/Berlin"}
            """));
        data = (await replaced.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(("weekly", "03:00", 90, "Europe/Berlin"),
            (data.GetProperty("schedule").GetString(), data.GetProperty("start_time").GetString(), data.GetProperty("duration_minutes").GetInt32(), data.GetProperty("timezone").GetString()));
        Assert.Equal(JsonValueKindNull, data.GetProperty("start").ValueKind);
        Assert.Equal(DayOfWeek.Sunday, TimeZoneInfo.ConvertTimeFromUtc(data.GetProperty("current_or_next_start").GetDateTime(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DayOfWeek);

        var listed = await (await client.GetAsync("/api/v1/maintenance-windows")).JsonAsync();
        Assert.Contains(listed.GetProperty("data").EnumerateArray(), w => w.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/maintenance-windows/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/maintenance-windows/{id}")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ProbeDashboard.Core.Maintenance.MaintenanceWindowMonitor>().CountAsync(m => m.MaintenanceWindowId == id)));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory]
    [InlineData("""{"monitor_ids": [MID], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"}""", "title")]
    [InlineData("""{"title": "t", "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"}""", "monitor_ids")]
    [InlineData("""{"title": "t", "monitor_ids": [987654], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"}""", "monitor_ids")]
    [InlineData("""{"title": "t", "host_group_ids": [987654], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"}""", "host_group_ids")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "start": "2026-01-01T02:00:00Z", "end": "2026-01-01T01:00:00Z"}""", "end")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "end": "2026-01-01T01:00:00Z"}""", "start")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "schedule": "cron", "cron": "every sunday", "duration_minutes": 60}""", "cron")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "schedule": "cron", "cron": "0 3 * * 0", "duration_minutes": 0}""", "duration_minutes")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "schedule": "cron", "cron": "0 3 * * 0", "duration_minutes": 60, "timezone": "Nowhere/Town"}""", "timezone")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "schedule": "weekly", "week_days": ["funday"], "start_time": "03:00", "duration_minutes": 60}""", "week_days")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "schedule": "weekly", "week_days": ["sun"], "start_time": "25:00", "duration_minutes": 60}""", "start_time")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "schedule": "yearly"}""", "schedule")]
    [InlineData("""{"title": "t", "monitor_ids": [MID], "start": "tomorrow", "end": "2026-01-01T01:00:00Z"}""", "start")]
    [InlineData("""{"title": "t", "monitor_ids": ["one"], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"}""", "monitor_ids[0]")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        var monitor = await factory.AddMonitorAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.MaintenanceWindows.CountAsync());

        using var response = await client.PostAsync("/api/v1/maintenance-windows", ApiJson.Raw(json.Replace("MID", monitor.Id.ToString())));

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.MaintenanceWindows.CountAsync()));
    }

    [Fact]
    public async Task Viewers_read_but_may_not_write_anonymous_callers_get_401_and_unknown_ids_404()
    {
        var monitor = await factory.AddMonitorAsync();
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var anonymous = factory.CreateClient();
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        var body = $$"""{"title": "t", "monitor_ids": [{{monitor.Id}}], "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T01:00:00Z"}""";

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/maintenance-windows")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/maintenance-windows", ApiJson.Raw(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/maintenance-windows")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/v1/maintenance-windows/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PutAsync("/api/v1/maintenance-windows/987654", ApiJson.Raw(body))).StatusCode);
        using var gone = await operatorClient.DeleteAsync("/api/v1/maintenance-windows/987654");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(404, (await gone.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_maintenance_window_endpoints()
    {
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("\"/api/v1/maintenance-windows\"", document);
        Assert.Contains("\"/api/v1/maintenance-windows/{id}\"", document);
        Assert.Contains("MaintenanceWindowRequest", document);
    }
}
