using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>/api/v1/status-pages/{id}/incidents: operators post, update and resolve incidents; bad input is a 400 naming the field.</summary>
public class IncidentsApiTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    [Fact]
    public async Task An_operator_posts_updates_resolves_lists_and_deletes_an_incident()
    {
        var monitor = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("API", [(monitor.Id, "Public API")]));
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var start = factory.Clock.GetUtcNow().UtcDateTime;

        using var created = await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents", ApiJson.Raw($$"""
            {"title": "Slow checkout", "body": "We are **looking** into it.", "monitor_ids": [{{monitor.Id}}]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        var iid = data.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/status-pages/{page.Id}/incidents/{iid}", created.Headers.Location!.OriginalString);
        Assert.Equal("investigating", data.GetProperty("status").GetString());
        Assert.Equal([monitor.Id], data.GetProperty("monitor_ids").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("resolved_at").ValueKind);

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        using var identified = await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}/updates", ApiJson.Raw("""
            {"status": "identified", "body": "A database index was missing."}
            """));
        Assert.Equal(HttpStatusCode.OK, identified.StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        using var resolved = await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}/updates", ApiJson.Raw("""
            {"status": "resolved", "body": "Fixed."}
            """));
        data = (await resolved.JsonAsync()).GetProperty("data");
        Assert.Equal("resolved", data.GetProperty("status").GetString());
        Assert.Equal(start.AddMinutes(20), data.GetProperty("resolved_at").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(["identified", "resolved"], data.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()));

        using var renamed = await client.PutAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}", ApiJson.Raw("""{"title": "Slow checkout (EU)", "body": "Was slow."}"""));
        data = (await renamed.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(("Slow checkout (EU)", "resolved", 0), (data.GetProperty("title").GetString(), data.GetProperty("status").GetString(), data.GetProperty("monitor_ids").GetArrayLength()));
        Assert.Equal(2, data.GetProperty("updates").GetArrayLength());

        var listed = (await (await client.GetAsync($"/api/v1/status-pages/{page.Id}/incidents")).JsonAsync()).GetProperty("data");
        Assert.Equal(iid, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt32());
        using var deleted = await client.DeleteAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ProbeDashboard.Core.StatusPages.Incidents.IncidentUpdate>().CountAsync(u => u.IncidentId == iid)));
    }

    [Theory]
    [InlineData("""{"body": "no title"}""", "title")]
    [InlineData("""{"title": " "}""", "title")]
    [InlineData("""{"title": "T", "status": "on fire"}""", "status")]
    [InlineData("""{"title": "T", "status": 3}""", "status")]
    [InlineData("""{"title": "T", "monitor_ids": [987654]}""", "monitor_ids")]
    [InlineData("""{"title": "T", "monitor_ids": "all"}""", "monitor_ids")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var response = await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents", ApiJson.Raw(json));

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageIncidents.CountAsync(i => i.StatusPageId == page.Id)));
    }

    [Fact]
    public async Task A_monitor_that_exists_but_is_not_on_the_page_is_a_400()
    {
        var elsewhere = await factory.AddMonitorAsync();
        var page = await factory.AddPageAsync(true, null, ("S", []));
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var response = await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents", ApiJson.Raw($$"""{"title": "T", "monitor_ids": [{{elsewhere.Id}}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not on this status page", (await response.JsonAsync()).GetProperty("errors").GetProperty("monitor_ids")[0].GetString());
    }

    [Theory]
    [InlineData("""{"body": "b"}""", "status")]
    [InlineData("""{"status": "resolved"}""", "body")]
    [InlineData("""{"status": "done", "body": "b"}""", "status")]
    public async Task A_bad_update_is_a_400_and_the_incident_is_unchanged(string json, string field)
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var iid = (await (await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents", ApiJson.Raw("""{"title": "T"}"""))).JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        using var response = await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}/updates", ApiJson.Raw(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        var stored = await factory.WithDbAsync(db => db.StatusPageIncidents.Include(i => i.Updates).SingleAsync(i => i.Id == iid));
        Assert.Equal((ProbeDashboard.Core.StatusPages.Incidents.IncidentStatus.Investigating, 0), (stored.Status, stored.Updates.Count));
    }

    [Fact]
    public async Task Unknown_pages_and_incidents_are_404_and_an_incident_of_another_page_is_not_reachable()
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        var other = await factory.AddPageAsync(true, null, ("S", []));
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var iid = (await (await client.PostAsync($"/api/v1/status-pages/{other.Id}/incidents", ApiJson.Raw("""{"title": "T"}"""))).JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/status-pages/987654/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/status-pages/987654/incidents", ApiJson.Raw("""{"title": "T"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}", ApiJson.Raw("""{"title": "X"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}/updates", ApiJson.Raw("""{"status": "resolved", "body": "b"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/status-pages/{page.Id}/incidents/{iid}")).StatusCode);
        Assert.Equal("T", await factory.WithDbAsync(db => db.StatusPageIncidents.Where(i => i.Id == iid).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Viewers_read_but_cannot_post_and_anonymous_callers_are_401()
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/status-pages/{page.Id}/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/status-pages/{page.Id}/incidents", ApiJson.Raw("""{"title": "T"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/status-pages/{page.Id}/incidents")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageIncidents.CountAsync(i => i.StatusPageId == page.Id)));
    }

    [Fact]
    public async Task Deleting_the_page_deletes_its_incidents()
    {
        var page = await factory.AddPageAsync(true, null, ("S", []));
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        await client.PostAsync($"/api/v1/status-pages/{page.Id}/incidents", ApiJson.Raw("""{"title": "T"}"""));

        await client.DeleteAsync($"/api/v1/status-pages/{page.Id}");

        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageIncidents.CountAsync(i => i.StatusPageId == page.Id)));
    }
}
