using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Alerts;

public class EscalationPoliciesApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static int _serial;

    private static string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _serial)}";

    private async Task<(int First, int Second)> GroupsAsync() =>
        ((await factory.Feed.AddGroupAsync(Unique("first"))).Id, (await factory.Feed.AddGroupAsync(Unique("second"))).Id);

    private static object Policy(string name, int first, int second, int after = 300, int repeat = 0) => new
    {
        name, repeat, steps = new object[] { new { after_seconds = 0, notification_group_ids = new[] { first } }, new { after_seconds = after, notification_group_ids = new[] { second } } },
    };

    [Fact]
    public async Task Create_read_update_and_delete_a_policy()
    {
        var (first, second) = await GroupsAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/escalation-policies", ApiJson.Content(Policy("payments on-call", first, second)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/escalation-policies/{id}", created.Headers.Location!.OriginalString);
        Assert.True(data.GetProperty("stop_on_acknowledge").GetBoolean());
        Assert.Equal(300, data.GetProperty("steps")[1].GetProperty("after_seconds").GetInt32());
        Assert.Equal(second, data.GetProperty("steps")[1].GetProperty("notification_group_ids")[0].GetInt32());

        using var updated = await client.PutAsync($"/api/v1/escalation-policies/{id}", ApiJson.Content(new
        {
            name = "payments on-call", repeat = 2, stop_on_acknowledge = false,
            steps = new[] { new { after_seconds = 60, notification_group_ids = new[] { first, second } } },
        }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var got = (await (await client.GetAsync($"/api/v1/escalation-policies/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal((2, false, 1), (got.GetProperty("repeat").GetInt32(), got.GetProperty("stop_on_acknowledge").GetBoolean(), got.GetProperty("steps").GetArrayLength()));
        var listed = (await (await client.GetAsync("/api/v1/escalation-policies")).JsonAsync()).GetProperty("data");
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/escalation-policies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/escalation-policies/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name": "", "steps": [{"after_seconds": 0, "notification_group_ids": [GROUP]}]}""", "name")]
    [InlineData("""{"name": "p"}""", "steps")]
    [InlineData("""{"name": "p", "steps": []}""", "steps")]
    [InlineData("""{"name": "p", "steps": [{"notification_group_ids": [GROUP]}]}""", "steps[0].after_seconds")]
    [InlineData("""{"name": "p", "steps": [{"after_seconds": -1, "notification_group_ids": [GROUP]}]}""", "steps[0].after_seconds")]
    [InlineData("""{"name": "p", "steps": [{"after_seconds": 0, "notification_group_ids": [GROUP]}, {"after_seconds": 59, "notification_group_ids": [GROUP]}]}""", "steps[1].after_seconds")]
    [InlineData("""{"name": "p", "steps": [{"after_seconds": 0, "notification_group_ids": []}]}""", "steps[0].notification_group_ids")]
    [InlineData("""{"name": "p", "steps": [{"after_seconds": 0, "notification_group_ids": [987654]}]}""", "steps[0].notification_group_ids")]
    [InlineData("""{"name": "p", "repeat": 3, "steps": [{"after_seconds": 0, "notification_group_ids": [GROUP]}]}""", "repeat")]
    [InlineData("""{"name": "p", "repeat": -1, "steps": [{"after_seconds": 0, "notification_group_ids": [GROUP]}]}""", "repeat")]
    [InlineData("""{"name": "p", "steps": [{"after_seconds": "soon", "notification_group_ids": [GROUP]}]}""", null)]
    public async Task Bad_policies_are_400_naming_the_field_and_nothing_is_saved(string json, string? field)
    {
        var (group, _) = await GroupsAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = (await (await client.GetAsync("/api/v1/escalation-policies")).JsonAsync()).GetProperty("data").GetArrayLength();
        using var response = await client.PostAsync("/api/v1/escalation-policies", ApiJson.Raw(json.Replace("GROUP", group.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.NotEqual(0, body.GetProperty("code").GetInt32());
        if (field is not null) Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
        Assert.Equal(before, (await (await client.GetAsync("/api/v1/escalation-policies")).JsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Anonymous_is_401_viewers_read_but_cannot_write_and_unknown_ids_are_404()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/escalation-policies")).StatusCode);
        var (first, second) = await GroupsAsync();
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/escalation-policies")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/escalation-policies", ApiJson.Content(Policy(Unique("v"), first, second)))).StatusCode);

        using var client = await factory.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/escalation-policies/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync("/api/v1/escalation-policies/987654", ApiJson.Content(Policy("x", first, second)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/escalation-policies/987654")).StatusCode);
    }

    [Fact]
    public async Task Names_are_unique_and_a_policy_or_group_in_use_cannot_be_deleted()
    {
        var (first, second) = await GroupsAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var name = Unique("in use");
        using var created = await client.PostAsync("/api/v1/escalation-policies", ApiJson.Content(Policy(name, first, second)));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/v1/escalation-policies", ApiJson.Content(Policy(name, first, second)))).StatusCode);

        using var rule = await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(new
        {
            name = Unique("escalating rule"), type = "service_probe", condition = "latency > 2", escalation_policy_id = id,
        }));
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        Assert.Equal(id, (await rule.JsonAsync()).GetProperty("data").GetProperty("escalation_policy_id").GetInt32());
        using var refused = await client.DeleteAsync($"/api/v1/escalation-policies/{id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 alert rules", (await refused.JsonAsync()).GetProperty("message").GetString());
        using var groupRefused = await client.DeleteAsync($"/api/v1/notification-groups/{second}");
        Assert.Equal(HttpStatusCode.Conflict, groupRefused.StatusCode);
        Assert.Contains(name, (await groupRefused.JsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Rules_and_monitors_naming_an_unknown_policy_are_400()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var rule = await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(new
        {
            name = Unique("rule"), type = "service_probe", condition = "latency > 2", escalation_policy_id = 987654,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        Assert.True((await rule.JsonAsync()).GetProperty("errors").TryGetProperty("escalation_policy_id", out _));

        using var monitor = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
        {
            name = Unique("monitor"), type = 1, target = "http://127.0.0.1:9/", duration = 60, enable_alert = true, escalation_policy_id = 987654,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, monitor.StatusCode);
        Assert.True((await monitor.JsonAsync()).GetProperty("errors").TryGetProperty("escalation_policy_id", out _));
    }
}
