using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Core.Results;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.StatusPages;

/// <summary>
/// Availability with and without maintenance, through the real writer on the frozen clock: probes inside a window are
/// counted apart, left out of the default figure everywhere (API, detail, public page) and kept for the raw one.
/// </summary>
public class MaintenanceAvailabilityTests(StatusPageFactory factory) : IClassFixture<StatusPageFactory>
{
    /// <summary>
    /// The clock, moved (once, for this class's own dashboard) so the last hour lies within today; in whole seconds, as
    /// the stored results' timestamps keep no finer than microseconds.
    /// </summary>
    private DateTime Now()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        if (now.TimeOfDay < TimeSpan.FromHours(2)) factory.Clock.Advance(TimeSpan.FromHours(2));
        now = factory.Clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    private async Task WindowAsync(DateTime start, DateTime end, int[]? monitorIds, int[]? groupIds)
    {
        var input = new MaintenanceWindowInput("Planned work", null, monitorIds, groupIds, "once", start, end, null, null, null, null, null, null, null, true);
        var saved = await factory.Services.GetRequiredService<MaintenanceWindowService>().CreateAsync(Actor.System, input, default);
        Assert.Equal(MaintenanceOutcome.Done, saved.Outcome);
    }

    /// <summary>One result a minute over the hour before <paramref name="now"/>, failing exactly when <paramref name="fails"/> says.</summary>
    private async Task ProbeHourAsync(int monitorId, int hostId, DateTime now, Func<DateTime, bool> fails)
    {
        var results = Enumerable.Range(1, 60).Select(i => now.AddMinutes(-i))
            .Select(at => BatchRollupTests.Result(monitorId, hostId, at, success: !fails(at), latencyMs: 20)).ToList();
        await factory.Services.GetRequiredService<ResultWriter>().SubmitAsync(results, CancellationToken.None);
    }

    [Fact]
    public async Task A_monitor_failing_only_inside_a_window_keeps_100_percent_by_default_and_shows_the_lower_raw_figure()
    {
        var now = Now();
        var hosts = await EnsureHostsAsync(factory);
        var monitor = await factory.AddMonitorAsync();
        var (start, end) = (now.AddMinutes(-40), now.AddMinutes(-20));
        await WindowAsync(start, end, [monitor.Id], null);
        await ProbeHourAsync(monitor.Id, hosts.ServerId, now, at => at >= start && at < end);
        var page = await factory.AddPageAsync(true, null, ("All", [(monitor.Id, "Checkout")]));
        using var anonymous = factory.CreateClient();
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        var uptime = await factory.Services.GetRequiredService<MonitorQueries>().GetUptimeAsync(Actor.System, monitor.Id, default);
        var summary = await (await anonymous.GetAsync($"/status/{page.Slug}/summary.json")).JsonAsync();
        var html = await anonymous.GetStringAsync($"/status/{page.Slug}");
        var counted = await AvailabilityAsync(viewer, monitor.Id, now, "");
        var raw = await AvailabilityAsync(viewer, monitor.Id, now, "&include_maintenance=true");

        Assert.Equal((40, 100.0), (uptime.LastDay.Total, uptime.LastDay.AvailabilityPercent!.Value));
        Assert.Equal(200.0 / 3, uptime.LastDay.RawAvailabilityPercent!.Value, 3);
        Assert.Equal(100.0, uptime.LastMonth.AvailabilityPercent);
        var shown = summary.GetProperty("sections")[0].GetProperty("monitors")[0];
        Assert.Equal(100.0, shown.GetProperty("uptime_24h").GetDouble());
        var today = shown.GetProperty("days").EnumerateArray().Last();
        Assert.Equal((100.0, true), (today.GetProperty("availability").GetDouble(), today.GetProperty("maintenance").GetBoolean()));
        Assert.False(shown.GetProperty("days")[0].TryGetProperty("maintenance", out _));
        Assert.Contains("""<span class="day maintenance" title=""", html);
        Assert.Contains("maintenance (not counted)", html);
        Assert.Equal((40, 40, 20, 100.0), counted);
        Assert.Equal((60, 40, 20, 66.67), raw);
    }

    [Fact]
    public async Task Results_from_a_host_of_a_group_under_maintenance_count_apart_and_other_hosts_count()
    {
        var now = Now();
        var hosts = await EnsureHostsAsync(factory);
        var monitor = await factory.AddMonitorAsync();
        await WindowAsync(now.AddHours(-3), now.AddHours(1), null, [hosts.GroupId]);
        await ProbeHourAsync(monitor.Id, hosts.AgentIds[0], now, _ => true);
        await ProbeHourAsync(monitor.Id, hosts.ServerId, now, at => at.Minute % 2 == 0);
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        var fromGroup = await AvailabilityAsync(viewer, monitor.Id, now, $"&host_id={hosts.AgentIds[0]}");
        var fromServer = await AvailabilityAsync(viewer, monitor.Id, now, $"&host_id={hosts.ServerId}");

        Assert.Equal((0, 0, 60, (double?)null), (fromGroup.Total, fromGroup.Successes, fromGroup.Maintenance, fromGroup.Availability));
        Assert.Equal((60, 30, 0, 50.0), (fromServer.Total, fromServer.Successes, fromServer.Maintenance, fromServer.Availability!.Value));
    }

    [Fact]
    public async Task Include_maintenance_must_be_a_boolean()
    {
        var monitor = await factory.AddMonitorAsync();
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        using var response = await viewer.GetAsync($"{BasePath}/{monitor.Id}/availability?include_maintenance=sometimes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("include_maintenance", (await response.JsonAsync()).ToString());
    }

    /// <summary>The hourly points of the last two hours, summed: probes, successes, probes in maintenance and availability.</summary>
    private static async Task<(int Total, int Successes, int Maintenance, double? Availability)> AvailabilityAsync(
        HttpClient client, int monitorId, DateTime now, string extra)
    {
        var from = Uri.EscapeDataString(now.AddHours(-2).ToString("O"));
        var to = Uri.EscapeDataString(now.AddHours(1).ToString("O"));
        using var response = await client.GetAsync($"{BasePath}/{monitorId}/availability?period=hour&start={from}&end={to}{extra}");
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        var points = json.GetProperty("data").EnumerateArray().ToList();
        var total = points.Sum(p => p.GetProperty("total_probes").GetInt32());
        var successes = points.Sum(p => p.GetProperty("success_probes").GetInt32());
        var maintenance = points.Sum(p => p.GetProperty("maintenance_probes").GetInt32());
        return (total, successes, maintenance, total == 0 ? null : Math.Round(100.0 * successes / total, 2));
    }
}
