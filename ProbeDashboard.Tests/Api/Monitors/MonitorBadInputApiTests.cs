using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>Every kind of bad input is a 400 in the envelope naming the field, never a 500, and nothing is stored.</summary>
public class MonitorBadInputApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", """{"name": "x", "type": 1,""", "body" },
        { "not an object", """[1, 2]""", "body" },
        { "JSON null", "null", "body" },
        { "empty body", "", "body" },
        { "type as an unknown name", """{"name": "x", "type": "ftp", "target": "http://127.0.0.1:9", "duration": 30}""", "type" },
        { "type as an object", """{"name": "x", "type": {"kind": 1}, "target": "http://127.0.0.1:9", "duration": 30}""", "type" },
        { "duration as text", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": "60"}""", "duration" },
        { "enable as text", """{"name": "x", "enable": "yes", "type": 1, "target": "http://127.0.0.1:9", "duration": 30}""", "enable" },
        { "skip_hosts as text", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": 30, "skip_hosts": "2,3"}""", "skip_hosts" },
        { "execute_on as text", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": 30, "execute_on": "all"}""", "execute_on" },
        { "fractional duration", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": 30.5}""", "duration" },
        { "unknown type code", """{"name": "x", "type": 9, "target": "http://127.0.0.1:9", "duration": 30}""", "type" },
        { "missing fields", """{"name": "x"}""", "type" },
        { "missing target", """{"name": "x", "type": 1, "duration": 30}""", "target" },
        { "URL that is not http(s)", """{"name": "x", "type": 1, "target": "ftp://a.test/file", "duration": 30}""", "target" },
        { "TCP target without a port", """{"name": "x", "type": 2, "target": "db.a.test", "duration": 30}""", "target" },
        { "duration below the minimum", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 4, "timeout": 2}""", "duration" },
        { "timeout equal to duration", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "timeout": 30}""", "timeout" },
        { "negative retry", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "retry": -1}""", "retry" },
        { "unknown execute_on type", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "execute_on": {"type": "cluster"}}""", "execute_on.type" },
        { "skipping a host that does not exist", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "skip_hosts": [4242]}""", "skip_hosts" },
        { "bad expected status codes", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": 30, "http": {"expected_status_codes": "2xx"}}""", "http.expected_status_codes" },
        { "header without a value", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": 30, "http": {"headers": {"X-A": null}}}""", "http.headers" },
        { "fail_quorum of zero hosts", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "fail_quorum": 0}""", "fail_quorum" },
        { "recover_threshold of zero", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "recover_threshold": 0}""", "recover_threshold" },
        { "notification group that does not exist", """{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30, "enable_alert": true, "notification_id": 4242}""", "notification_id" },
        { "pinned IP that is not an IP", """{"name": "x", "type": 1, "target": "http://127.0.0.1:9", "duration": 30, "http": {"pinned_ips": ["origin"]}}""", "http.pinned_ips" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_create_bodies_are_400_naming_the_field_and_store_nothing(string why, string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Raw(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        var json = await response.JsonAsync();
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var problems), $"{why}: {json}");
        Assert.NotEmpty(problems.EnumerateArray());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_update_bodies_are_400_and_leave_the_monitor_as_it_was(string why, string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, Minimal("untouched"));

        using var response = await client.PutAsync($"{BasePath}/{id}", ApiJson.Raw(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), why);
        var stored = (await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal(("untouched", 3, 30), (stored.GetProperty("name").GetString(), stored.GetProperty("type").GetInt32(), stored.GetProperty("duration").GetInt32()));
    }

    [Fact]
    public async Task Every_wrong_typed_field_is_listed_in_one_400_nested_ones_included()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var response = await client.PostAsync(BasePath, ApiJson.Raw(
            """{"name": 5, "enable": "yes", "type": 1, "target": "http://127.0.0.1:9", "duration": "60", "execute_on": {"type": 2, "host_ids": "1,2"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(["duration", "enable", "execute_on.host_ids", "execute_on.type", "name"], Keys(json.GetProperty("errors")).Order());
        var message = json.GetProperty("message").GetString()!;
        Assert.All(["name", "enable", "duration", "execute_on.type", "execute_on.host_ids"], field => Assert.Contains(field, message));
    }

    [Fact]
    public async Task A_body_without_type_and_target_names_both()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var response = await client.PostAsync(BasePath, ApiJson.Raw("""{"name": "x", "duration": 30}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Keys((await response.JsonAsync()).GetProperty("errors"));
        Assert.Contains("type", errors);
        Assert.Contains("target", errors);
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData(null, HttpStatusCode.UnsupportedMediaType)]
    public async Task A_body_that_is_not_declared_as_JSON_is_refused_in_the_envelope(string? contentType, HttpStatusCode expected)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var content = new StringContent("""{"name": "x", "type": 3, "target": "127.0.0.1", "duration": 30}""");
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync(BasePath, content);

        Assert.Equal(expected, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal((int)expected, json.GetProperty("code").GetInt32());
        Assert.Contains("JSON", json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("", "enable")]
    [InlineData("{}", "enable")]
    [InlineData("""{"enable": "no"}""", "enable")]
    [InlineData("""{"enable": """, "body")]
    public async Task Bad_toggle_bodies_are_400(string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, Minimal("toggle-me"));

        using var response = await client.PatchAsync($"{BasePath}/{id}/toggle", ApiJson.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal([field], Keys(errors));
    }

    [Theory]
    [InlineData("", "page=abc", "page")]
    [InlineData("", "page=0", "page")]
    [InlineData("", "page_size=101", "page_size")]
    [InlineData("", "page_size=0", "page_size")]
    [InlineData("", "enable=maybe", "enable")]
    [InlineData("", "type=7", "type")]
    [InlineData("/{id}/probe-history", "limit=1001", "limit")]
    [InlineData("/{id}/probe-history", "limit=0", "limit")]
    [InlineData("/{id}/probe-history", "limit=ten", "limit")]
    [InlineData("/{id}/probe-history", "status=broken", "status")]
    [InlineData("/{id}/probe-history", "start=yesterday", "start")]
    [InlineData("/{id}/probe-history", "host_id=-1", "host_id")]
    [InlineData("/{id}/probe-history", "start=2025-10-08T00:00:00Z&end=2025-10-07T00:00:00Z", "start")]
    [InlineData("/{id}/availability", "period=year", "period")]
    [InlineData("/{id}/availability", "end=soon", "end")]
    [InlineData("/{id}/availability", "period=hour&start=2025-01-01T00:00:00Z&end=2025-06-01T00:00:00Z", "start")]
    [InlineData("/{id}/availability", "start=2025-10-08T00:00:00Z&end=2025-10-08T00:00:00Z", "start")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string path, string queryString, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var admin = await factory.CreateAdminClientAsync();
        var id = await CreateAsync(admin, Minimal("queried"));

        using var response = await client.GetAsync($"{BasePath}{path.Replace("{id}", id.ToString())}?{queryString}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.Equal([field], Keys(json.GetProperty("errors")));
    }

    [Fact]
    public async Task The_minimum_interval_follows_the_setting()
    {
        using var lowMinimum = new DashboardFactory();
        lowMinimum.Settings["Probing:MinIntervalSeconds"] = "1";
        using var client = await lowMinimum.CreateClientAsync(UserRole.Operator);

        using var response = await client.PostAsync(BasePath, ApiJson.Raw("""{"name": "fast", "type": 3, "target": "127.0.0.1", "duration": 2, "timeout": 1}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
