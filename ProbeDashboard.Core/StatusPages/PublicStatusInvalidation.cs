using Microsoft.Extensions.Hosting;
using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>
/// Clears <see cref="PublicStatusCache"/> the moment a monitor shown on a published page changes state (here or on
/// another node) or is changed or deleted, or a maintenance window is edited anywhere, so the next reader of its pages and badges sees it: the page's data and bytes are otherwise kept
/// for the cache's lifetime. Observed on the publisher's thread, before the change is announced to anyone else.
/// </summary>
public sealed class PublicStatusInvalidation(EventBus bus, PublicStatusCache cache, PublicStatusReader reader) : IHostedService, IDisposable
{
    private IDisposable? _states;
    private IDisposable? _changes;
    private IDisposable? _maintenance;
    private Task _publishedRead = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _states = bus.Observe<MonitorStatusChanged>(e => Changed(e.MonitorId), includePeerEvents: true);
        _changes = bus.Observe<MonitorConfigurationChanged>(e => Changed(e.MonitorId), includePeerEvents: true);
        // Pages list upcoming maintenance and show windows' state: any edit, here or on another node, clears them all.
        _maintenance = bus.Observe<Maintenance.MaintenanceWindowsChanged>(_ => cache.Invalidate(), includePeerEvents: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits for a read of the published set that a change started: it must not outlive the host, whose database may
    /// be gone right after (a query cut off by that logs an error on every stop that catches it).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        try
        {
            await _publishedRead.WaitAsync(cancellationToken);
        }
        catch (Exception)
        {
            // Stopping either way: a failed read is already logged by EF Core, and the next reader reads the set again.
        }
    }

    public void Dispose()
    {
        _states?.Dispose();
        _changes?.Dispose();
        _maintenance?.Dispose();
    }

    /// <summary>
    /// Quick and never blocking (the observer contract): a monitor on no published page leaves the cache alone, so
    /// thousands of unrelated monitors coming online after a start cost nothing. Only the pages' data is forgotten:
    /// which pages are published and which monitors they show does not depend on a monitor's state. Whether the
    /// monitor is shown is known only once that set is read; until then forget the pages, and have the set read off
    /// this thread (concurrent callers share the one read).
    /// </summary>
    private void Changed(int monitorId)
    {
        if (cache.TryPeek<HashSet<int>>(PublicStatusReader.PublishedMonitorsKey, out var shown) && !shown.Contains(monitorId)) return;
        cache.Invalidate(PublicStatusReader.PageKeyPrefix);
        cache.Forget(PublicBadgeReader.KeyPrefix + monitorId);
        if (shown is null) _publishedRead = Task.Run(() => reader.PublishedMonitorIdsAsync(CancellationToken.None));
    }
}
