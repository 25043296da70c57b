using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Maintenance;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// A maintenance edit made on another node reaches this node's calendar at once: the other node's change arrives as a
/// peer <see cref="MaintenanceWindowsChanged"/> (the bridge re-publishes it, see <see cref="PeerEventsTests"/>), and the
/// calendar drops its copy on it instead of serving the old windows until its cache expires.
/// </summary>
public class MaintenanceReloadTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Fact]
    public async Task A_window_committed_by_another_node_is_seen_as_soon_as_its_change_event_arrives()
    {
        await using var services = await PipelineServices.StartAsync(startWriter: false);
        var calendar = services.Get<MaintenanceCalendar>();
        var monitor = await services.AddMonitorAsync(TestMonitors.Tcp("db", "127.0.0.1:1"));
        await using var db = services.CreateDbContext();
        Assert.True((await calendar.ActiveAsync(db, Now, CancellationToken.None)).IsEmpty);   // the empty list is now cached

        await AddWindowAsync(services, monitor.Id);   // as another node's service would: committed, not told to this calendar
        Assert.True((await calendar.ActiveAsync(db, Now, CancellationToken.None)).IsEmpty);   // still the cached copy

        services.Get<EventBus>().PublishFromPeer(MaintenanceWindowsChanged.Instance);

        Assert.Equal([monitor.Id], (await calendar.ActiveAsync(db, Now, CancellationToken.None)).MonitorIds);
    }

    [Fact]
    public async Task A_local_change_is_announced_so_the_bridge_can_send_it_to_the_other_nodes()
    {
        await using var services = await PipelineServices.StartAsync(startWriter: false);
        var announced = new List<MaintenanceWindowsChanged>();
        using var observer = services.Get<EventBus>().Observe<MaintenanceWindowsChanged>(announced.Add);

        services.Get<MaintenanceWindowService>().ForgetCachedWindows();

        Assert.Single(announced);
    }

    private static async Task AddWindowAsync(PipelineServices services, int monitorId)
    {
        var input = new MaintenanceWindowInput("deploy", null, [monitorId], null, "once", Now.AddMinutes(-5), Now.AddHours(1),
            null, null, null, null, null, null, null, true);
        Assert.Empty(input.Validate());
        await using var db = services.CreateDbContext();
        var window = new MaintenanceWindow();
        input.ApplyTo(window);
        db.MaintenanceWindows.Add(window);
        await db.SaveChangesAsync();
    }
}
