using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Probing;
using ProbeDashboard.Tests.Support;
using Quartz;

namespace ProbeDashboard.Tests.Api.Probing;

/// <summary>The app with its Quartz scheduler running, probing a Kestrel target on 127.0.0.1 every second.</summary>
public sealed class ProbeSchedulerTests() : AppWithTargetTests(schedulerRunning: true)
{
    [Fact]
    public async Task Healthz_reports_ok_while_the_scheduler_runs()
    {
        using var client = App.CreateClient();
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Get<ProbeSchedulerStatus>().IsRunning);
    }

    [Fact]
    public async Task A_changed_monitor_is_probed_at_once_on_its_interval_and_stops_when_disabled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var monitor = await AddEverySecondMonitorAsync("every second", announce: true, cts.Token);

        await WaitUntilAsync(async () => await CountResultsAsync(monitor.Id) >= 3, cts.Token);
        Assert.True(Get<ProbeDispatcher>().Lateness.Count >= 3);

        await using (var db = Db())
        {
            await db.Monitors.Where(m => m.Id == monitor.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Enabled, false), cts.Token);
        }
        Get<EventBus>().Publish(new MonitorConfigurationChanged(monitor.Id, Deleted: false));
        await WaitUntilAsync(() => Task.FromResult(!Get<MonitorCatalog>().TryGet(monitor.Id, out _)), cts.Token);
        await Get<ProbeDispatcher>().WaitIdleAsync(cts.Token);
        await Task.Delay(100, cts.Token);
        var stoppedAt = await CountResultsAsync(monitor.Id);

        await Task.Delay(TimeSpan.FromSeconds(2.5), cts.Token);
        Assert.Equal(stoppedAt, await CountResultsAsync(monitor.Id));
        await using var check = Db();
        Assert.Equal(MonitorStatus.Online, (await check.Monitors.AsNoTracking().SingleAsync(m => m.Id == monitor.Id, cts.Token)).Current.Status);
    }

    [Fact]
    public async Task Reconcile_schedules_a_monitor_whose_change_event_was_lost()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var monitor = await AddEverySecondMonitorAsync("no event", announce: false, cts.Token);

        await Get<ProbeScheduleSync>().ReconcileAsync(cts.Token);

        Assert.True(Get<MonitorCatalog>().TryGet(monitor.Id, out _));
        await WaitUntilAsync(async () => await CountResultsAsync(monitor.Id) >= 1, cts.Token);
    }

    [Fact]
    public async Task Fires_missed_while_the_scheduler_was_held_are_skipped_not_made_up_in_a_burst()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var monitor = await AddEverySecondMonitorAsync("held", announce: true, cts.Token);
        await WaitUntilAsync(async () => await CountResultsAsync(monitor.Id) >= 1, cts.Token);

        // Held for 8 intervals, past the 5 s misfire threshold: 8 fires are missed.
        var scheduler = await Get<ISchedulerFactory>().GetScheduler(cts.Token);
        await scheduler.Standby(cts.Token);
        await Get<ProbeDispatcher>().WaitIdleAsync(cts.Token);
        await Task.Delay(TimeSpan.FromSeconds(8), cts.Token);
        var dispatcher = Get<ProbeDispatcher>();
        long Fires() => dispatcher.Started + dispatcher.SkippedOverlapping;
        var firesBeforeResume = Fires();
        await scheduler.Start(cts.Token);

        await WaitUntilAsync(() => Task.FromResult(Fires() > firesBeforeResume), cts.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), cts.Token);
        // Back on the 1 s rhythm: about two fires in those 1.5 s, never the eight that were missed.
        Assert.InRange(Fires() - firesBeforeResume, 1, 4);
    }

    [Fact]
    public async Task A_monitor_created_retargeted_or_resumed_is_probed_at_once_not_after_its_interval()
    {
        // An hour's interval: only a probe made at once can arrive within the bounded waits below.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = await App.CreateClientAsync(UserRole.Operator);
        object Body(string path) => new { name = "hourly", type = 1, target = Target.Url(path).ToString(), duration = 3600, timeout = 2 };
        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(Body("/ok")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        await WithinAsync(async () => await CountResultsAsync(id) >= 1, "the first probe of a new monitor", cts.Token);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/v1/service-monitors/{id}", ApiJson.Content(Body("/echo")))).StatusCode);
        await WithinAsync(async () => await CountResultsAsync(id) >= 2, "a probe of the new target", cts.Token);

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/v1/service-monitors/{id}/toggle", ApiJson.Content(new { enable = false }))).StatusCode);
        await WithinAsync(() => Task.FromResult(!Get<MonitorCatalog>().TryGet(id, out _)), "the pause", cts.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/v1/service-monitors/{id}/toggle", ApiJson.Content(new { enable = true }))).StatusCode);
        await WithinAsync(async () => await CountResultsAsync(id) >= 3, "a probe after resuming", cts.Token);
    }

    /// <summary>Waits at most 10 s, far less than the monitor's interval, for <paramref name="condition"/>.</summary>
    private static async Task WithinAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(10));
        try { await WaitUntilAsync(condition, bounded.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { Assert.Fail($"no {what} within 10 s"); }
    }

    /// <summary>Stores a 1 s HTTP monitor; <paramref name="announce"/> publishes its change event as the API does.</summary>
    private async Task<MonitorDefinition> AddEverySecondMonitorAsync(string name, bool announce, CancellationToken cancellationToken)
    {
        var monitor = TestMonitors.Http(name, Target.Url("/ok"), intervalSeconds: 1, timeoutSeconds: 1);
        await using (var db = Db())
        {
            db.Monitors.Add(monitor);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (announce) Get<EventBus>().Publish(new MonitorConfigurationChanged(monitor.Id, Deleted: false));
        return monitor;
    }

    private async Task<int> CountResultsAsync(int monitorId)
    {
        await using var db = Db();
        return await db.ProbeResults.CountAsync(r => r.MonitorId == monitorId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition()) await Task.Delay(50, cancellationToken);
    }
}
