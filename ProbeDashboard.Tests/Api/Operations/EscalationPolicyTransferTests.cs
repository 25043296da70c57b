using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>Escalation policies in configuration export and import: groups, rules and monitors refer to each other by name.</summary>
public class EscalationPolicyTransferTests
{
    private const string Document = """
        {"format": "probedashboard-config", "version": 1,
         "notification_groups": [{"name": "first line", "emails": ["a@example.test"]}, {"name": "second line", "emails": ["b@example.test"]}],
         "escalation_policies": [{"name": "on-call", "repeat": 1, "stop_on_acknowledge": false, "steps": [
             {"after_seconds": 0, "notification_groups": ["first line"]}, {"after_seconds": 600, "notification_groups": ["second line", "first line"]}]}],
         "monitors": [{"name": "checkout", "type": "http", "target": "http://127.0.0.1:9/", "duration": 60, "enable_alert": true, "escalation_policy": "on-call"}],
         "alert_rules": [{"name": "slow checkout", "type": "service_probe", "condition": "latency > 2", "targets": ["checkout"], "escalation_policy": "on-call"}]}
        """;

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ImportAsync(HttpClient admin, string document)
    {
        using var content = new StringContent(document, Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/config/import", content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task A_policy_with_its_groups_monitor_and_rule_moves_to_another_server_and_a_reimport_changes_nothing()
    {
        await using var source = new AlertTestFactory();
        using var admin = await source.CreateAdminClientAsync();
        var (status, body) = await ImportAsync(admin, Document);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var exported = await admin.GetStringAsync("/api/v1/config/export?format=json");
        var policy = JsonNode.Parse(exported)!["escalation_policies"]!.AsArray().Single()!;
        Assert.Equal("second line", policy["steps"]![1]!["notification_groups"]![0]!.GetValue<string>());
        Assert.Equal(1, policy["repeat"]!.GetValue<int>());
        Assert.False(policy["stop_on_acknowledge"]!.GetValue<bool>());
        Assert.Equal("on-call", JsonNode.Parse(exported)!["monitors"]![0]!["escalation_policy"]!.GetValue<string>());
        Assert.Equal("on-call", JsonNode.Parse(exported)!["alert_rules"]![0]!["escalation_policy"]!.GetValue<string>());

        (status, body) = await ImportAsync(admin, exported);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(0, body["data"]!["sections"]!.AsArray().Sum(s => s!["updated"]!.GetValue<int>() + s["created"]!.GetValue<int>()));

        await using var target = new AlertTestFactory();
        using var otherAdmin = await target.CreateAdminClientAsync();
        (status, body) = await ImportAsync(otherAdmin, exported);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var copied = JsonNode.Parse(await otherAdmin.GetStringAsync("/api/v1/config/export?format=json"))!;
        foreach (var section in new[] { "notification_groups", "escalation_policies", "monitors", "alert_rules" })
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(exported)![section], copied[section]), $"{section} differ on the other server");
    }

    [Theory]
    [InlineData("\"notification_groups\": [\"first line\"]", "\"notification_groups\": [\"nobody\"]", "escalation_policies[on-call].steps[0].notification_groups")]
    [InlineData("\"escalation_policy\": \"on-call\"}]}", "\"escalation_policy\": \"no such policy\"}]}", "alert_rules[slow checkout].escalation_policy")]
    [InlineData("\"after_seconds\": 600", "\"after_seconds\": 5", "escalation_policies[on-call].steps[1].after_seconds")]
    public async Task An_unknown_name_or_a_bad_step_is_refused_naming_where_and_nothing_is_imported(string from, string to, string where)
    {
        await using var app = new AlertTestFactory();
        using var admin = await app.CreateAdminClientAsync();
        var (status, body) = await ImportAsync(admin, Document.Replace(from, to));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body["errors"]!.AsObject().ContainsKey(where), body.ToJsonString());
        var exported = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!;
        Assert.Empty(exported["escalation_policies"]?.AsArray() ?? []);
        Assert.Empty(exported["notification_groups"]?.AsArray() ?? []);
    }
}
