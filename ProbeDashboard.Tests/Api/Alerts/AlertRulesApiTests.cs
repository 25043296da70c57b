using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Alerts;

public class AlertRulesApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static object Rule(string name, string condition = "cpu_usage > 90", string type = "host_monitor", int[]? targets = null, string level = "warning") => new
    {
        name, enable = true, type, target_ids = targets ?? [], condition, duration = 300, alert_level = level, silence_period = 600,
    };

    [Fact]
    public async Task Create_get_update_and_delete_a_rule_with_the_seed_fields()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(Rule("CPU high")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetInt32();
        Assert.Equal(("CPU high", "host_monitor", "cpu_usage > 90", 300, "warning", 600, true),
            (data.GetProperty("name").GetString(), data.GetProperty("type").GetString(), data.GetProperty("condition").GetString(),
             data.GetProperty("duration").GetInt32(), data.GetProperty("alert_level").GetString(), data.GetProperty("silence_period").GetInt32(),
             data.GetProperty("enable").GetBoolean()));
        Assert.Equal($"/api/v1/alert-rules/{id}", created.Headers.Location!.ToString());

        using var updated = await client.PutAsync($"/api/v1/alert-rules/{id}", ApiJson.Content(Rule("CPU very high", "cpu_usage > 95 && load > 4", level: "critical")));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var fetched = (await (await client.GetAsync($"/api/v1/alert-rules/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal(("CPU very high", "cpu_usage > 95 && load > 4", "critical"),
            (fetched.GetProperty("name").GetString(), fetched.GetProperty("condition").GetString(), fetched.GetProperty("alert_level").GetString()));

        using var deleted = await client.DeleteAsync($"/api/v1/alert-rules/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/v1/alert-rules/{id}", ApiJson.Content(Rule("x")))).StatusCode);
    }

    [Theory]
    [InlineData("cpu > 90", "host_monitor", "unknown metric 'cpu' at character 1")]
    [InlineData("cpu_usage > 90 && mem_usage >", "host_monitor", "expected number at character 30")]
    [InlineData("latency > 2", "host_monitor", "metric 'latency' does not apply to host_monitor rules at character 1")]
    [InlineData("cpu_usage > 90", "service_probe", "metric 'cpu_usage' does not apply to service_probe rules at character 1")]
    public async Task An_invalid_condition_is_400_with_the_position_and_nothing_is_saved(string condition, string type, string message)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = (await (await client.GetAsync("/api/v1/alert-rules?page_size=200")).JsonAsync()).GetProperty("data").GetProperty("total").GetInt32();
        using var response = await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(Rule("bad", condition, type)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(400, body.GetProperty("code").GetInt32());
        Assert.Equal(message, body.GetProperty("errors").GetProperty("condition")[0].GetString());
        var after = (await (await client.GetAsync("/api/v1/alert-rules?page_size=200")).JsonAsync()).GetProperty("data").GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("""{"name": "", "type": "host_monitor", "condition": "load > 1"}""", "name")]
    [InlineData("""{"name": "x", "type": "disk", "condition": "load > 1"}""", "type")]
    [InlineData("""{"name": "x", "type": "host_monitor", "condition": "load > 1", "alert_level": "fatal"}""", "alert_level")]
    [InlineData("""{"name": "x", "type": "host_monitor", "condition": "load > 1", "duration": -1}""", "duration")]
    [InlineData("""{"name": "x", "type": "service_probe", "condition": "success == 0", "target_ids": [987654]}""", "target_ids")]
    [InlineData("""{"name": "x", "type": "host_monitor", "condition": "load > 1", "notification_group_id": 987654}""", "notification_group_id")]
    [InlineData("""{"name": "x", "type": "service_probe", "condition": "success == 0", "recover_threshold": 0}""", "recover_threshold")]
    public async Task Bad_fields_are_400_naming_the_field(string json, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var response = await client.PostAsync("/api/v1/alert-rules", ApiJson.Raw(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": \"x\", \"duration\": \"long\"}")]
    public async Task Malformed_json_is_400_in_the_envelope(string json)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var response = await client.PostAsync("/api/v1/alert-rules", ApiJson.Raw(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Viewers_read_rules_but_cannot_write_them_and_anonymous_callers_get_401()
    {
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/alert-rules")).StatusCode);
        using var forbidden = await viewer.PostAsync("/api/v1/alert-rules", ApiJson.Content(Rule("nope")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/alert-rules")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_pages_and_counts_active_and_recent_events_per_rule()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var monitor = await factory.Feed.AddMonitorAsync("list-target", _ => { });
        using var created = await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(new
        {
            name = "down (list)", type = "service_probe", target_ids = new[] { monitor.Id }, condition = "success == 0", alert_level = "critical",
        }));
        var ruleId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(Rule("another")))).StatusCode);

        await factory.Feed.CommitRoundsAsync(monitor.Id, false);
        await factory.Feed.EventAsync(e => e.AlertRuleId == ruleId && e.Status == AlertEventStatus.Firing, "the rule to fire");
        await factory.Feed.CommitRoundsAsync(monitor.Id, true, false);
        await Eventually.TrueAsync(async () => (await factory.Feed.EventsAsync()).Count(e => e.AlertRuleId == ruleId) == 2, "two events");

        var page = (await (await client.GetAsync("/api/v1/alert-rules?type=service_probe&alert_level=critical&enable=true&page=1&page_size=50")).JsonAsync()).GetProperty("data");
        var row = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == ruleId);
        Assert.Equal((1, 2), (row.GetProperty("active_events").GetInt32(), row.GetProperty("total_events_24h").GetInt32()));
        Assert.Equal(JsonValueKind.String, row.GetProperty("last_trigger_time").ValueKind);
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal("service_probe", r.GetProperty("type").GetString()));

        var onePerPage = (await (await client.GetAsync("/api/v1/alert-rules?page=2&page_size=1")).JsonAsync()).GetProperty("data");
        Assert.Equal((2, 1, 1), (onePerPage.GetProperty("page").GetInt32(), onePerPage.GetProperty("page_size").GetInt32(), onePerPage.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/alert-rules?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/alert-rules?type=disk")).StatusCode);
    }

    [Fact]
    public async Task The_condition_editor_endpoint_reports_validity_and_position()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        var bad = (await (await client.PostAsync("/api/v1/alert-rules/validate-condition", ApiJson.Content(new { type = "host_monitor", condition = "cpu_usage > " }))).JsonAsync()).GetProperty("data");
        Assert.Equal((false, 13), (bad.GetProperty("valid").GetBoolean(), bad.GetProperty("position").GetInt32()));
        var good = (await (await client.PostAsync("/api/v1/alert-rules/validate-condition", ApiJson.Content(new { type = "host_monitor", condition = "load5 > 2 or load15 > 1" }))).JsonAsync()).GetProperty("data");
        Assert.True(good.GetProperty("valid").GetBoolean());
    }
}
