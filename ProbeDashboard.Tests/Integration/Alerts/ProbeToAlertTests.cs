using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Alerts;

/// <summary>
/// The whole path with nothing faked: a monitor made through the monitors API probes a real Kestrel target,
/// the single result writer commits and publishes, the engine fires and resolves, the webhook receives both.
/// </summary>
public sealed class ProbeToAlertTests : IAsyncLifetime
{
    private readonly AlertTestFactory _app = new();
    private TargetServer _target = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _target = await TargetServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task A_monitor_against_a_target_that_goes_down_fires_and_resolves_and_the_webhook_hears_both()
    {
        using var client = await _app.CreateClientAsync(UserRole.Operator);
        using var group = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new { name = "e2e", webhooks = new[] { new { url = _receiver.Url + "/e2e" } } }));
        var groupId = (await group.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
        {
            name = "switchable", enable = true, type = 1, target = _target.Url("/switch").ToString(), duration = 60, timeout = 2,
            enable_alert = true, fail_threshold = 2, notification_id = groupId,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var monitorId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        _target.SwitchStatus = 500;
        await RoundAsync(monitorId);
        await RoundAsync(monitorId);
        var fired = await _app.Feed.EventAsync(e => e.TargetId == monitorId && e.Status == AlertEventStatus.Firing, "the monitor's alert");

        _target.SwitchStatus = 200;
        await RoundAsync(monitorId);
        await _app.Feed.EventAsync(e => e.Id == fired.Id && e.Status == AlertEventStatus.Resolved, "the recovery");
        await Eventually.TrueAsync(() => _receiver.Requests.Count == 2, "fired and resolved webhooks");
        var types = _receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString());
        Assert.Equal(["alert_fired", "alert_resolved"], types);

        // The receiver counts a request before the dispatcher has read the answer and marked it delivered.
        await Eventually.TrueAsync(async () =>
        {
            var detail = (await (await client.GetAsync($"/api/v1/alert-events/{fired.Id}")).JsonAsync()).GetProperty("data");
            return detail.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("status").GetString())
                .SequenceEqual(["delivered", "delivered"]);
        }, "both notifications marked delivered");
    }

    [Fact]
    public async Task Turning_a_monitors_alert_off_through_the_api_closes_its_open_event()
    {
        using var client = await _app.CreateClientAsync(UserRole.Operator);
        object Body(bool alert) => new
        {
            name = "toggle-alert", enable = true, type = 1, target = $"http://127.0.0.1:{TargetServer.ClosedPort()}/", duration = 60, timeout = 2,
            enable_alert = alert, fail_threshold = 1,
        };
        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(Body(true)));
        var monitorId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        await RoundAsync(monitorId);
        var fired = await _app.Feed.EventAsync(e => e.TargetId == monitorId && e.Status == AlertEventStatus.Firing, "the alert");

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/service-monitors/{monitorId}", ApiJson.Content(Body(false)))).StatusCode);
        await _app.Feed.EventAsync(e => e.Id == fired.Id && e.Status == AlertEventStatus.Resolved, "the event to close with the setting");
    }

    [Fact]
    public async Task Deleting_a_monitor_closes_every_open_event_about_it_including_explicit_rules()
    {
        using var client = await _app.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new
        {
            name = "doomed", enable = true, type = 1, target = $"http://127.0.0.1:{TargetServer.ClosedPort()}/", duration = 60, timeout = 2,
            enable_alert = true, fail_threshold = 1,
        }));
        var monitorId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        using var rule = await client.PostAsync("/api/v1/alert-rules", ApiJson.Content(new
        {
            name = "doomed rule", type = "service_probe", target_ids = new[] { monitorId }, condition = "success == 0",
        }));
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        await RoundAsync(monitorId);
        await Eventually.TrueAsync(async () => (await _app.Feed.EventsAsync()).Count(e => e.TargetId == monitorId && e.Status == AlertEventStatus.Firing) == 2,
            "both the monitor's alert and the rule to fire");

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/service-monitors/{monitorId}")).StatusCode);
        await Eventually.TrueAsync(async () => (await _app.Feed.EventsAsync()).Where(e => e.TargetId == monitorId).All(e => e.Status == AlertEventStatus.Resolved),
            "both events to close");
    }

    /// <summary>What one scheduler fire does: probe, then hand the result to the single writer.</summary>
    private int _rounds;

    private async Task RoundAsync(int monitorId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var db = _app.Feed.Db();
        var monitor = await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == monitorId, cts.Token);
        var hostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cts.Token);
        var result = await _app.Services.GetRequiredService<ProbeRunner>().RunAsync(monitor, hostId, cts.Token);
        // The scheduler fires one round per interval; the test does not wait for them, so it stamps them so.
        result.Timestamp = result.Timestamp.AddSeconds(monitor.IntervalSeconds * _rounds++);
        await _app.Services.GetRequiredService<ResultWriter>().SubmitAsync([result], cts.Token);
    }
}
