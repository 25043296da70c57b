using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// What the alert engine needs of a monitor for each of its rounds: its name, whether it is live, its own alerts and
/// the monitors it depends on.
/// </summary>
public sealed record MonitorAlertProfile(int Id, string Name, bool Enabled, IReadOnlyList<AlertCandidate> OwnCandidates, IReadOnlyList<int> DependsOn)
{
    public static MonitorAlertProfile Of(Monitors.MonitorDefinition monitor) =>
        new(monitor.Id, monitor.Name, monitor.Enabled, [.. AlertCandidate.ForMonitor(monitor)], [.. monitor.DependsOn]);
}

/// <summary>
/// The monitors' alert profiles, kept in memory between batches. Loading the whole monitor rows of every committed
/// batch (dozens a second) was most of the alert engine's cost. A change is announced on the bus by
/// <see cref="Monitors.MonitorService"/> after it commits; the copy is dropped synchronously inside that
/// publish, so no batch judged after it reads the old settings.
/// </summary>
public sealed class MonitorAlertProfiles : IDisposable
{
    /// <summary>Past this many monitors the copy starts over rather than grow without bound (about 300 bytes each).</summary>
    internal const int Capacity = 250_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, MonitorAlertProfile> _profiles = new();
    private readonly IDisposable _observer;
    private readonly Lock _lock = new();
    private long _generation;

    public MonitorAlertProfiles(EventBus bus) =>
        _observer = bus.Observe<MonitorConfigurationChanged>(OnChanged, includePeerEvents: true);

    public void Forget(int monitorId) => Replace(monitorId, null);

    /// <summary>A new monitor's profile is kept at once, from the committed copy the event carries, rather than read with its first batch.</summary>
    private void OnChanged(MonitorConfigurationChanged change) =>
        Replace(change.MonitorId, change.Created is { } monitor ? MonitorAlertProfile.Of(monitor) : null);

    private void Replace(int monitorId, MonitorAlertProfile? profile)
    {
        lock (_lock)
        {
            _generation++;
            if (profile is null || _profiles.Count >= Capacity) _profiles.TryRemove(monitorId, out _);
            else _profiles[monitorId] = profile;
        }
    }

    /// <summary>The profiles of <paramref name="monitorIds"/> that exist; those not in memory are read in one query.</summary>
    public async Task<Dictionary<int, MonitorAlertProfile>> GetAsync(ProbeDbContext db, IReadOnlyCollection<int> monitorIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, MonitorAlertProfile>(monitorIds.Count);
        var missing = new List<int>();
        foreach (var id in monitorIds)
        {
            if (_profiles.TryGetValue(id, out var profile)) found[id] = profile;
            else missing.Add(id);
        }
        if (missing.Count == 0) return found;

        long generation;
        lock (_lock) generation = _generation;
        var loaded = await db.Monitors.AsNoTracking().Where(m => missing.Contains(m.Id)).ToListAsync(cancellationToken);
        var profiles = loaded.Select(MonitorAlertProfile.Of).ToList();
        foreach (var profile in profiles) found[profile.Id] = profile;
        lock (_lock)
        {
            // A change announced while the rows were read may be missing from them: use them for this batch only.
            if (generation != _generation) return found;
            if (_profiles.Count + profiles.Count > Capacity) _profiles.Clear();
            foreach (var profile in profiles) _profiles[profile.Id] = profile;
        }
        return found;
    }

    public void Dispose() => _observer.Dispose();
}
