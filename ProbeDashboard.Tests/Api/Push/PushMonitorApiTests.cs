using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Push;

/// <summary>Creating, reading and editing push monitors, rotating their token, and the input they refuse.</summary>
public class PushMonitorApiTests(PushTestFactory factory) : IClassFixture<PushTestFactory>
{
    private const string BasePath = PushTestFactory.BasePath;

    [Fact]
    public async Task Create_answers_the_schedule_a_push_url_with_a_long_token_and_the_first_deadline()
    {
        using var client = await factory.OperatorAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        using var response = await client.PostAsync(BasePath, ApiJson.Content(new { name = "backup", type = "push", push = new { period = 300 } }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(5, data.GetProperty("type").GetInt32());
        Assert.Equal("", data.GetProperty("target").GetString());
        Assert.Equal(300, data.GetProperty("duration").GetInt32());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("push").GetProperty("cron").ValueKind);
        Assert.Equal((300, 60), (data.GetProperty("push").GetProperty("period").GetInt32(), data.GetProperty("push").GetProperty("grace").GetInt32()));
        Assert.Matches("^/api/push/[A-Za-z0-9_-]{32}$", data.GetProperty("push_url").GetString());
        var deadline = data.GetProperty("push_deadline").GetDateTime().ToUniversalTime();
        Assert.InRange(deadline, now.AddSeconds(359), now.AddSeconds(361));
    }

    [Fact]
    public async Task Viewers_see_the_schedule_but_not_the_push_url_and_may_not_rotate()
    {
        using var writer = await factory.OperatorAsync();
        var (id, _) = await factory.CreatePushMonitorAsync(writer, new { cron = "0 3 * * *", timezone = "Europe/Berlin", grace = 600 });
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        var data = await factory.DetailAsync(viewer, id);

        Assert.Equal("0 3 * * *", data.GetProperty("push").GetProperty("cron").GetString());
        Assert.Equal("Europe/Berlin", data.GetProperty("push").GetProperty("timezone").GetString());
        Assert.False(data.TryGetProperty("push_url", out _));
        Assert.True((await factory.DetailAsync(writer, id)).TryGetProperty("push_url", out _));
        using var refused = await viewer.PostAsync($"{BasePath}/{id}/push-token/rotate", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Rotating_the_token_makes_the_old_url_404_and_the_new_one_work()
    {
        using var client = await factory.OperatorAsync();
        var (id, oldUrl) = await factory.CreatePushMonitorAsync(client, new { period = 300 });

        using var rotated = await client.PostAsync($"{BasePath}/{id}/push-token/rotate", null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newUrl = (await rotated.JsonAsync()).GetProperty("data").GetProperty("push_url").GetString()!;
        Assert.NotEqual(oldUrl, newUrl);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(oldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(newUrl)).StatusCode);
        Assert.Equal(newUrl, (await factory.DetailAsync(client, id)).GetProperty("push_url").GetString());
        var entries = await factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == "monitor.push_token_rotate" && e.Target.StartsWith($"monitor #{id} ")).ToListAsync());
        Assert.DoesNotContain(newUrl[^32..], Assert.Single(entries).Detail ?? "");
    }

    [Fact]
    public async Task Rotating_is_404_for_an_unknown_monitor_409_for_another_type_and_401_without_a_token()
    {
        using var client = await factory.OperatorAsync();
        using var created = await client.PostAsync(BasePath, ApiJson.Content(new { name = "tcp", type = 2, target = "127.0.0.1:9", duration = 60 }));
        var tcpId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{BasePath}/999999/push-token/rotate", null)).StatusCode);
        using var conflict = await client.PostAsync($"{BasePath}/{tcpId}/push-token/rotate", null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("not a push monitor", (await conflict.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync($"{BasePath}/{tcpId}/push-token/rotate", null)).StatusCode);
    }

    [Fact]
    public async Task Changing_a_push_monitor_to_another_type_drops_its_token_and_deadline()
    {
        using var client = await factory.OperatorAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(client, new { period = 300 });

        using var updated = await client.PutAsync($"{BasePath}/{id}", ApiJson.Content(new { name = "now tcp", type = 2, target = "127.0.0.1:9", duration = 60 }));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var monitor = await factory.WithDbAsync(db => db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal((null, null), (monitor.PushToken, monitor.PushDeadline));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
    }

    public static TheoryData<string, string, string> BadPushes => new()
    {
        { """{"cron": "0 25 * * *"}""", "push.cron", "field 2 (hour) '25' at position 3" },
        { """{"cron": "0 3 * *"}""", "push.cron", "must have 5 fields" },
        { """{"cron": "0 3 * * *", "timezone": "Mars/Olympus"}""", "push.timezone", "not a known time zone" },
        { """{"period": 5}""", "push.period", "between 30 and" },
        { """{"period": 300, "grace": -1}""", "push.grace", "must not be negative" },
        { """{"period": 300, "cron": "0 3 * * *"}""", "push.period", "not both" },
        { """{}""", "push.period", "is required unless cron is given" },
        { """{"period": 300, "timezone": "Europe/Berlin"}""", "push.timezone", "cron schedules only" },
        { """{"cron": "0 0 30 2 *"}""", "push.cron", "never matches" },
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task A_bad_push_schedule_is_400_naming_the_field_and_nothing_is_saved(string push, string field, string problem)
    {
        using var client = await factory.OperatorAsync();
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Raw($$"""{"name": "bad", "type": 5, "push": {{push}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains(problem, errors.GetProperty(field)[0].GetString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }

    [Fact]
    public async Task A_push_monitor_without_push_and_push_on_another_type_are_400()
    {
        using var client = await factory.OperatorAsync();

        using var missing = await client.PostAsync(BasePath, ApiJson.Raw("""{"name": "bad", "type": 5}"""));
        using var misplaced = await client.PostAsync(BasePath, ApiJson.Raw("""{"name": "bad", "type": 2, "target": "127.0.0.1:9", "duration": 60, "push": {"period": 300}}"""));

        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("push", out _));
        Assert.Contains("push monitors (type 5) only", (await misplaced.JsonAsync()).GetProperty("errors").GetProperty("push")[0].GetString());
    }

    [Fact]
    public async Task The_list_filters_push_monitors_by_type()
    {
        using var client = await factory.OperatorAsync();
        var (id, _) = await factory.CreatePushMonitorAsync(client, new { period = 300 }, "listed push");

        var items = (await (await client.GetAsync($"{BasePath}?type=5&page_size=100")).JsonAsync()).GetProperty("data").GetProperty("items");

        Assert.Contains(items.EnumerateArray(), i => i.GetProperty("id").GetInt32() == id);
        Assert.All(items.EnumerateArray(), i => Assert.Equal(5, i.GetProperty("type").GetInt32()));
    }
}
