using System.Text.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Notifications;

/// <summary>A monitor's alert_reaches counts the groups of its escalation policy, and a policy alone does not fall back to the default groups.</summary>
public class EscalationReachTests
{
    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data");
    }

    private static async Task<List<(int Id, bool IsDefault)>> ReachesAsync(HttpClient client, int monitorId) =>
        [.. (await DataAsync(await client.GetAsync($"/api/v1/service-monitors/{monitorId}"))).GetProperty("alert_reaches").EnumerateArray()
            .Select(r => (r.GetProperty("group_id").GetInt32(), r.GetProperty("is_default").GetBoolean()))];

    [Fact]
    public async Task The_groups_of_every_step_are_reached_besides_the_monitors_own_group_and_not_the_defaults()
    {
        await using var factory = new AlertTestFactory();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        async Task<int> GroupAsync(string name, bool isDefault = false) =>
            (await DataAsync(await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
            {
                name, emails = new[] { $"{name}@example.test" }, is_default = isDefault,
            })))).GetProperty("id").GetInt32();
        var fallback = await GroupAsync("fallback", isDefault: true);
        var own = await GroupAsync("own");
        var first = await GroupAsync("first");
        var second = await GroupAsync("second");
        var policy = (await DataAsync(await client.PostAsync("/api/v1/escalation-policies", ApiJson.Content(new
        {
            name = "rota", steps = new object[] { new { after_seconds = 0, notification_group_ids = new[] { first } }, new { after_seconds = 600, notification_group_ids = new[] { second, first } } },
        })))).GetProperty("id").GetInt32();
        async Task<int> MonitorAsync(string name, int? notificationId, int? escalationPolicyId) =>
            (await DataAsync(await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
            {
                name, type = 1, target = "http://127.0.0.1:9/", duration = 60, enable_alert = true, fail_threshold = 1,
                notification_id = notificationId, escalation_policy_id = escalationPolicyId,
            })))).GetProperty("id").GetInt32();

        var policyOnly = await MonitorAsync("policy only", null, policy);
        var both = await MonitorAsync("both", own, policy);
        var neither = await MonitorAsync("neither", null, null);

        Assert.Equal([(first, false), (second, false)], await ReachesAsync(client, policyOnly));
        Assert.Equal([(own, false), (first, false), (second, false)], await ReachesAsync(client, both));
        Assert.Equal([(fallback, true)], await ReachesAsync(client, neither));
    }
}
