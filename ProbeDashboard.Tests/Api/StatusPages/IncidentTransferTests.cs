using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>Incidents travel with their page in configuration export and import: monitors by name, times and updates kept.</summary>
public class IncidentTransferTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    [Fact]
    public async Task An_exported_incident_comes_back_with_its_updates_and_times_after_its_page_was_deleted()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("Core", [(monitor.Id, "Public API")]));
        var incidents = factory.Services.GetRequiredService<IncidentService>();
        var incident = (await incidents.CreateAsync(Actor.System, page.Id, new("Slow API", "Looking into it.", null, [monitor.Id]), default)).Incident!;
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var resolved = (await incidents.AppendUpdateAsync(Actor.System, page.Id, incident.Id, new("resolved", "Fixed."), default)).Incident!;
        using var admin = await factory.CreateAdminClientAsync();

        var exported = await admin.GetStringAsync("/api/v1/config/export?format=json");
        var item = JsonNode.Parse(exported)!["status_pages"]!.AsArray().Single(p => p!["slug"]!.GetValue<string>() == page.Slug)!["incidents"]![0]!;
        Assert.Equal(("Slow API", "resolved", monitor.Name), (item["title"]!.GetValue<string>(), item["status"]!.GetValue<string>(), item["monitors"]![0]!.GetValue<string>()));
        Assert.Equal("Fixed.", item["updates"]![0]!["body"]!.GetValue<string>());

        using (var again = await ImportAsync(admin, exported))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(0, Counts(await again.Content.ReadAsStringAsync(), "updated"));
        }
        await factory.Services.GetRequiredService<StatusPageService>().DeleteAsync(Actor.System, page.Id, default);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        using var restored = await ImportAsync(admin, exported);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var back = await factory.WithDbAsync(db => db.StatusPageIncidents.Include(i => i.Updates).Include(i => i.Monitors).AsSplitQuery()
            .SingleAsync(i => i.StatusPageId == db.StatusPages.Single(p => p.Slug == page.Slug).Id));
        Assert.Equal(("Slow API", IncidentStatus.Resolved, monitor.Id), (back.Title, back.Status, back.Monitors.Single().MonitorId));
        Assert.Equal(incident.CreatedAt, back.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(resolved.ResolvedAt!.Value, back.ResolvedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(("Fixed.", IncidentStatus.Resolved), (back.Updates.Single().Body, back.Updates.Single().Status));
    }

    [Theory]
    [InlineData("""{"title": "T", "status": "gone", "created_at": "2026-01-01T00:00:00Z"}""", "incidents[0].status")]
    [InlineData("""{"title": "T"}""", "incidents[0].created_at")]
    [InlineData("""{"title": "T", "created_at": "2026-01-01T00:00:00Z", "monitors": ["no such monitor"]}""", "incidents[0].monitors")]
    [InlineData("""{"title": "T", "created_at": "2026-01-01T00:00:00Z", "updates": [{"status": "resolved", "created_at": "2026-01-01T01:00:00Z"}]}""", "incidents[0].updates[0].body")]
    public async Task A_bad_incident_fails_the_import_naming_it_and_saves_nothing(string incident, string field)
    {
        using var admin = await factory.CreateAdminClientAsync();
        var slug = $"bad-{Guid.NewGuid():N}"[..20];

        using var response = await ImportAsync(admin, $$"""{"format": "probedashboard-config", "version": 1, "status_pages": [{"slug": "{{slug}}", "title": "T", "incidents": [{{incident}}]}]}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field}\"", body);
        Assert.False(await factory.WithDbAsync(db => db.StatusPages.AnyAsync(p => p.Slug == slug)));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, string document)
    {
        using var content = new StringContent(document, Encoding.UTF8, "application/json");
        return await admin.PostAsync("/api/v1/config/import", content);
    }

    private static int Counts(string body, string field) =>
        JsonNode.Parse(body)!["data"]!["sections"]!.AsArray().Where(s => s!["section"]!.GetValue<string>() == "status_pages").Sum(s => s![field]!.GetValue<int>());
}
