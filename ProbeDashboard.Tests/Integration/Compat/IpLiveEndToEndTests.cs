using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Integration.Compat;

/// <summary>
/// An iplive app adds a group of local targets and receives, for each round, a form POST with the group's
/// results at its callback URL: the real scheduler probes, the result pipeline, the outbox and its dispatcher.
/// </summary>
public class IpLiveEndToEndTests() : AppWithTargetTests(schedulerRunning: true)
{
    private static IReadOnlyDictionary<string, string> Fields(WebhookReceiver.Received request) =>
        QueryHelpers.ParseQuery(request.Body).ToDictionary(f => f.Key, f => f.Value.ToString());

    [Fact]
    public async Task An_app_adds_a_group_and_receives_each_rounds_results_at_its_callback()
    {
        await using var callback = await WebhookReceiver.StartAsync();
        var admin = await App.CreateAdminClientAsync();
        var token = await CreateAppAsync(admin, "portal", callback.Url + "/iplive/callback");
        var client = App.CreateClient();

        await AssertCodeAsync(await PostFormAsync(client, "/operate_monitor", ("app_name", "portal"), ("token", token), ("group_id", "77"),
            ("record_ids", "1:2"), ("ips", "127.0.0.1:127.0.0.1"), ("port", Target.Port.ToString()), ("path", "/switch"),
            ("http_code", "200"), ("interval", "2"), ("timeout", "1")), 0);

        var up = await Eventually.GetAsync(() => Task.FromResult(callback.Requests.FirstOrDefault()), "the first round's callback", 30_000);
        Assert.Equal("/iplive/callback", up.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", up.Headers["Content-Type"]);
        var fields = Fields(up);
        Assert.Equal("77", fields["group_id"]);
        Assert.InRange(long.Parse(fields["timestamp"]), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var result = JsonDocument.Parse(fields["result"]).RootElement.EnumerateArray().ToList();
        Assert.Equal(["1", "2"], result.Select(r => r.GetProperty("record_id").GetString()));
        Assert.All(result, r => Assert.Equal("1", r.GetProperty("status").GetString()));
        Assert.All(result, r => Assert.True(r.GetProperty("res_time").GetInt32() >= 0));

        // Delivered through the durable outbox, where it is recorded like any notification.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = Db();
            return await db.NotificationOutbox.AnyAsync(o => o.Channel == NotificationChannelKind.IpLiveCallback
                && o.Purpose == NotificationPurpose.IpLiveRound && o.Status == OutboxStatus.Delivered && o.Address == callback.Url + "/iplive/callback");
        }, "the callback marked delivered in the outbox");

        Target.SwitchStatus = 503;
        await Eventually.TrueAsync(() => callback.Requests.Select(Fields)
            .Any(f => JsonDocument.Parse(f["result"]).RootElement.EnumerateArray().All(r => r.GetProperty("status").GetString() == "0")),
            "a round that reports both records down", 30_000);
    }
}
