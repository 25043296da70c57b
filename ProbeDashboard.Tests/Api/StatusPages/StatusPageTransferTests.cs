using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>Status pages in configuration export and import: monitors by name, matched by slug, audited, all-or-nothing.</summary>
public class StatusPageTransferTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    [Fact]
    public async Task An_exported_page_names_its_monitors_and_comes_back_the_same_after_being_deleted()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, $"t-{Guid.NewGuid():N}.example.com", ("Core", [(monitor.Id, "Public API")]));
        using var admin = await factory.CreateAdminClientAsync();

        var exported = await admin.GetStringAsync("/api/v1/config/export?format=json");
        var item = JsonNode.Parse(exported)!["status_pages"]!.AsArray().Single(p => p!["slug"]!.GetValue<string>() == page.Slug)!;
        Assert.Equal(monitor.Name, item["sections"]![0]!["monitors"]![0]!["monitor"]!.GetValue<string>());
        Assert.Equal("Public API", item["sections"]![0]!["monitors"]![0]!["display_name"]!.GetValue<string>());
        Assert.True(item["published"]!.GetValue<bool>());

        using (var again = await ImportAsync(admin, exported))
            Assert.Equal(0, Counts(await again.Content.ReadAsStringAsync(), "created") + Counts(await again.Content.ReadAsStringAsync(), "updated"));
        await factory.Services.GetRequiredService<StatusPageService>().DeleteAsync(Actor.System, page.Id, default);
        using var restored = await ImportAsync(admin, exported);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(1, Counts(await restored.Content.ReadAsStringAsync(), "created"));
        var back = await factory.WithDbAsync(db => db.StatusPages.Include(p => p.Sections).ThenInclude(s => s.Items).AsSplitQuery().SingleAsync(p => p.Slug == page.Slug));
        Assert.Equal((page.CustomDomain, "Public API", monitor.Id), (back.CustomDomain, back.Sections[0].Items[0].DisplayName, back.Sections[0].Items[0].MonitorId));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/status/{page.Slug}")).StatusCode);
    }

    [Fact]
    public async Task A_page_naming_an_unknown_monitor_or_a_bad_slug_is_refused_and_nothing_is_imported()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var document = """
            {"format": "probedashboard-config", "version": 1, "status_pages": [
              {"slug": "imported-ok", "title": "Fine"},
              {"slug": "ghosts", "title": "T", "sections": [{"title": "S", "monitors": [{"monitor": "no such monitor"}]}]},
              {"slug": "Bad Slug", "title": "T"}]}
            """;

        using var response = await ImportAsync(admin, document);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("status_pages[ghosts].sections[0].monitors[0].monitor", body);
        Assert.Contains("status_pages[Bad Slug].slug", body);
        Assert.False(await factory.WithDbAsync(db => db.StatusPages.AnyAsync(p => p.Slug == "imported-ok")));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, string document)
    {
        using var content = new StringContent(document, Encoding.UTF8, "application/json");
        return await admin.PostAsync("/api/v1/config/import", content);
    }

    private static int Counts(string body, string field) =>
        JsonNode.Parse(body)!["data"]!["sections"]!.AsArray().Where(s => s!["section"]!.GetValue<string>() == "status_pages").Sum(s => s![field]!.GetValue<int>());
}
