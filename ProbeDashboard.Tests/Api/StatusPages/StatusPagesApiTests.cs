using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>/api/v1/status-pages: operators build pages, viewers read them, bad input is a 400 naming the field.</summary>
public class StatusPagesApiTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    [Fact]
    public async Task An_operator_creates_reads_replaces_lists_and_deletes_a_page()
    {
        var monitor = await factory.AddMonitorAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var slug = $"acme-{Guid.NewGuid():N}"[..20];

        using var created = await client.PostAsync("/api/v1/status-pages", ApiJson.Raw($$"""
            {"slug": "{{slug}}", "title": "Acme", "custom_domain": "Status.{{slug}}.example.com.", "published": true, "show_latency": true,
             "sections": [{"title": "API", "monitors": [{"monitor_id": {{monitor.Id}}, "display_name": "Public API"}]}]}
            """));
        var body = await created.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = body.GetProperty("data");
        var id = data.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/status-pages/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal($"status.{slug}.example.com", data.GetProperty("custom_domain").GetString());
        Assert.Equal($"/status/{slug}", data.GetProperty("public_url").GetString());
        var item = data.GetProperty("sections")[0].GetProperty("monitors")[0];
        Assert.Equal((monitor.Id, "Public API"), (item.GetProperty("monitor_id").GetInt32(), item.GetProperty("display_name").GetString()));

        using var replaced = await client.PutAsync($"/api/v1/status-pages/{id}", ApiJson.Raw($$"""
            {"slug": "{{slug}}", "title": "Acme status", "sections": [{"title": "Web", "monitors": []}, {"title": "API", "monitors": [{"monitor_id": {{monitor.Id}}}]}]}
            """));
        data = (await replaced.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Acme status", data.GetProperty("title").GetString());
        Assert.False(data.GetProperty("published").GetBoolean());
        Assert.Equal(["Web", "API"], data.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.StatusPageSections.CountAsync(s => s.StatusPageId == id && s.Items.Count > 0)));

        var listed = await (await client.GetAsync("/api/v1/status-pages")).JsonAsync();
        Assert.Contains(listed.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        using var deleted = await client.DeleteAsync($"/api/v1/status-pages/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/status-pages/{id}")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.StatusPageSections.CountAsync(s => s.StatusPageId == id)));
    }

    [Theory]
    [InlineData("""{"slug": "my page", "title": "T"}""", "slug")]
    [InlineData("""{"slug": "My-Page", "title": "T"}""", "slug")]
    [InlineData("""{"slug": "-page", "title": "T"}""", "slug")]
    [InlineData("""{"title": "T"}""", "slug")]
    [InlineData("""{"slug": "ok", "title": " "}""", "title")]
    [InlineData("""{"slug": "ok", "title": "T", "custom_domain": "https://status.example.com/"}""", "custom_domain")]
    [InlineData("""{"slug": "ok", "title": "T", "custom_domain": "status.example.com:8080"}""", "custom_domain")]
    [InlineData("""{"slug": "ok", "title": "T", "sections": [{"monitors": []}]}""", "sections[0].title")]
    [InlineData("""{"slug": "ok", "title": "T", "sections": [{"title": "S", "monitors": [{"display_name": "x"}]}]}""", "sections[0].monitors[0].monitor_id")]
    [InlineData("""{"slug": "ok", "title": "T", "sections": [{"title": "S", "monitors": [{"monitor_id": 987654}]}]}""", "sections[0].monitors[0].monitor_id")]
    [InlineData("""{"slug": "ok", "title": "T", "sections": [{"title": "S", "monitors": [{"monitor_id": "one"}]}]}""", "sections[0].monitors[0].monitor_id")]
    [InlineData("""{"slug": "ok", "title": "T", "published": "yes"}""", "published")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_saved(string json, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.StatusPages.CountAsync());

        using var response = await client.PostAsync("/api/v1/status-pages", ApiJson.Raw(json));

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.StatusPages.CountAsync()));
    }

    [Fact]
    public async Task The_same_monitor_twice_on_one_page_is_a_400()
    {
        var monitor = await factory.AddMonitorAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var response = await client.PostAsync("/api/v1/status-pages", ApiJson.Raw($$"""
            {"slug": "twice", "title": "T", "sections": [{"title": "A", "monitors": [{"monitor_id": {{monitor.Id}}}]}, {"title": "B", "monitors": [{"monitor_id": {{monitor.Id}}}]}]}
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("twice", (await response.JsonAsync()).GetProperty("errors").GetProperty("sections[1].monitors[0].monitor_id")[0].GetString());
    }

    [Fact]
    public async Task A_slug_or_custom_domain_another_page_uses_is_a_409()
    {
        var page = await factory.AddPageAsync(published: false, domain: $"taken-{Guid.NewGuid():N}.example.com");
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var sameSlug = await client.PostAsync("/api/v1/status-pages", ApiJson.Raw($$"""{"slug": "{{page.Slug}}", "title": "Again"}"""));
        using var sameDomain = await client.PostAsync("/api/v1/status-pages", ApiJson.Raw($$"""{"slug": "other-{{page.Slug}}", "title": "T", "custom_domain": "{{page.CustomDomain!.ToUpperInvariant()}}"}"""));

        Assert.Equal(HttpStatusCode.Conflict, sameSlug.StatusCode);
        Assert.Contains(page.Slug, (await sameSlug.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Conflict, sameDomain.StatusCode);
    }

    [Fact]
    public async Task Viewers_read_but_may_not_write_anonymous_callers_get_401_and_unknown_ids_404()
    {
        var page = await factory.AddPageAsync(published: false, domain: null);
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var anonymous = factory.CreateClient();
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        var body = ApiJson.Raw("""{"slug": "viewer-page", "title": "T"}""");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/status-pages/{page.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/status-pages", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/status-pages/{page.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/status-pages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/v1/status-pages/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PutAsync("/api/v1/status-pages/987654", ApiJson.Raw("""{"slug": "x", "title": "T"}"""))).StatusCode);
        using var gone = await operatorClient.DeleteAsync("/api/v1/status-pages/987654");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(404, (await gone.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_status_page_endpoints()
    {
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync("/api/v1/openapi.json");
        Assert.Contains("\"/api/v1/status-pages\"", document);
        Assert.Contains("\"/api/v1/status-pages/{id}\"", document);
        Assert.Contains("StatusPageRequest", document);
        Assert.DoesNotContain("\"/status/{slug}\"", document);
    }
}
