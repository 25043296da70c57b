using ProbeDashboard.Core.Access;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Monitors;

public class MonitorServiceTests
{
    private static readonly MonitorInput Web = new()
    {
        Name = "web", Type = 1, Target = "http://127.0.0.1:9/health", Duration = 30,
        Http = new HttpOptionsInput { Method = "HEAD", Headers = new Dictionary<string, string> { ["X-Probe"] = "1" }, PinnedIps = ["127.0.0.2"] },
    };

    [Fact]
    public async Task The_scheduler_hears_of_a_new_monitor_only_once_it_is_stored()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        using var changes = core.Get<EventBus>().Subscribe<MonitorConfigurationChanged>();

        var result = await core.Get<MonitorService>().CreateAsync(Actor.System, Web, "ui", CancellationToken.None);

        Assert.True(changes.Reader.TryRead(out var change));
        // The event carries the monitor as committed, so the scheduler and the alert engine need not read it back.
        Assert.Equal(new MonitorConfigurationChanged(result.Monitor!.Id, Deleted: false, Created: result.Monitor), change);
        await using var db = core.CreateDbContext();
        var stored = await db.Monitors.SingleAsync(m => m.Id == change.MonitorId);
        Assert.Equal(("ui", "HEAD", MonitorStatus.Unknown), (stored.Origin, stored.Http.Method, stored.Current.Status));
    }

    [Fact]
    public async Task Rejected_input_stores_and_announces_nothing()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        using var changes = core.Get<EventBus>().Subscribe<MonitorConfigurationChanged>();

        var result = await core.Get<MonitorService>().CreateAsync(Actor.System, Web with { Duration = 1 }, "ui", CancellationToken.None);

        Assert.Null(result.Monitor);
        Assert.Equal(["duration"], result.Errors.Keys);
        Assert.Equal(0, changes.Reader.Count);
        await using var db = core.CreateDbContext();
        Assert.Equal(0, await db.Monitors.CountAsync());
    }

    [Theory]
    [InlineData("renamed", "http://127.0.0.1:9/health", MonitorStatus.Online)]
    [InlineData("web", "http://127.0.0.1:9/other", MonitorStatus.Unknown)]
    public async Task Only_a_new_target_makes_the_last_status_unknown(string name, string target, MonitorStatus expected)
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var monitors = core.Get<MonitorService>();
        var id = (await monitors.CreateAsync(Actor.System, Web, "api", CancellationToken.None)).Monitor!.Id;
        await SetStatusAsync(core, id, MonitorStatus.Online);

        await monitors.UpdateAsync(Actor.System, id, Web with { Name = name, Target = target }, CancellationToken.None);

        Assert.Equal(expected, await StatusAsync(core, id));
    }

    [Fact]
    public async Task Pausing_makes_the_status_unknown_but_keeps_the_last_probe()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var monitors = core.Get<MonitorService>();
        var id = (await monitors.CreateAsync(Actor.System, Web, "api", CancellationToken.None)).Monitor!.Id;
        await SetStatusAsync(core, id, MonitorStatus.Offline);
        using var statuses = core.Get<EventBus>().Subscribe<MonitorStatusChanged>();

        Assert.True(await monitors.SetEnabledAsync(Actor.System, id, false, CancellationToken.None));

        Assert.Equal(MonitorStatus.Unknown, await StatusAsync(core, id));
        Assert.True(statuses.Reader.TryRead(out var status));
        Assert.Equal((id, MonitorStatus.Unknown), (status.MonitorId, status.Status));
        await using var db = core.CreateDbContext();
        Assert.NotNull((await db.Monitors.SingleAsync(m => m.Id == id)).Current.LastProbeAt);
    }

    [Fact]
    public async Task Unknown_ids_are_reported_not_thrown()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var monitors = core.Get<MonitorService>();

        Assert.True((await monitors.UpdateAsync(Actor.System, 404, Web, CancellationToken.None)).NotFound);
        Assert.False(await monitors.SetEnabledAsync(Actor.System, 404, false, CancellationToken.None));
        Assert.False(await monitors.DeleteAsync(Actor.System, 404, CancellationToken.None));
    }

    [Fact]
    public async Task An_edit_form_starting_from_a_stored_monitor_saves_it_unchanged()
    {
        await using var core = await PipelineServices.StartAsync(startWriter: false);
        var monitors = core.Get<MonitorService>();
        var created = (await monitors.CreateAsync(Actor.System, Web with { LatencyAlert = true, MaxLatency = 1.5, Retry = 2 }, "ui", CancellationToken.None)).Monitor!;

        var saved = (await monitors.UpdateAsync(Actor.System, created.Id, MonitorInput.From(created), CancellationToken.None)).Monitor!;

        Assert.Equal(MonitorInput.From(created) with { Http = null, SkipHosts = null, ExecuteOn = null, TlsExpiryDays = null, DependsOn = null },
            MonitorInput.From(saved) with { Http = null, SkipHosts = null, ExecuteOn = null, TlsExpiryDays = null, DependsOn = null });
        Assert.Equal(created.DependsOn, saved.DependsOn);
        Assert.Equal(created.TlsExpiryDays, saved.TlsExpiryDays);
        Assert.Equal(created.Http.PinnedIps, saved.Http.PinnedIps);
        Assert.Equal(created.Http.Headers, saved.Http.Headers);
    }

    private static async Task SetStatusAsync(PipelineServices core, int id, MonitorStatus status)
    {
        await using var db = core.CreateDbContext();
        var monitor = await db.Monitors.SingleAsync(m => m.Id == id);
        monitor.Current.Status = status;
        monitor.Current.LastProbeAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    private static async Task<MonitorStatus> StatusAsync(PipelineServices core, int id)
    {
        await using var db = core.CreateDbContext();
        return (await db.Monitors.SingleAsync(m => m.Id == id)).Current.Status;
    }
}
