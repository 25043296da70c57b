using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors;

/// <summary>http.json_query / json_expected / json_operator and http.keyword_invert on the wire.</summary>
public class HttpBodyAssertionApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_assertions_are_stored_and_answered()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var body = Minimal("json health", type: 1, target: "http://127.0.0.1:9/health");
        body["http"] = new Dictionary<string, object?>
        {
            ["json_query"] = "$.checks[0].queue", ["json_operator"] = "<", ["json_expected"] = "100",
            ["keyword"] = "maintenance", ["keyword_invert"] = true,
        };
        var id = await CreateAsync(client, body);

        using var response = await client.GetAsync($"{BasePath}/{id}");
        var http = (await response.JsonAsync()).GetProperty("data").GetProperty("http");
        Assert.Equal(("$.checks[0].queue", "<", "100", true), (http.GetProperty("json_query").GetString(),
            http.GetProperty("json_operator").GetString(), http.GetProperty("json_expected").GetString(), http.GetProperty("keyword_invert").GetBoolean()));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "JSONPath that does not parse", """{"name": "x", "type": 1, "target": "http://a.test", "duration": 30, "http": {"json_query": "$.["}}""", "http.json_query" },
        { "unknown operator", """{"name": "x", "type": 1, "target": "http://a.test", "duration": 30, "http": {"json_query": "$.a", "json_operator": "~="}}""", "http.json_operator" },
        { "< with a word", """{"name": "x", "type": 1, "target": "http://a.test", "duration": 30, "http": {"json_query": "$.a", "json_operator": "<", "json_expected": "many"}}""", "http.json_expected" },
        { "expected without a query", """{"name": "x", "type": 1, "target": "http://a.test", "duration": 30, "http": {"json_expected": "ok"}}""", "http.json_query" },
        { "inverted nothing", """{"name": "x", "type": 1, "target": "http://a.test", "duration": 30, "http": {"keyword_invert": true}}""", "http.keyword_invert" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_assertions_are_400_naming_the_field_and_store_nothing(string why, string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Raw(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), why);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }
}
