using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Monitors.Heartbeat;

namespace ProbeDashboard.Monitors;

/// <summary>A row of the monitor grid: mutable, so live refreshes patch the rows already on screen.</summary>
public sealed class MonitorRow
{
    public int Id { get; init; }
    public string Name { get; private set; } = "";
    public string Target { get; private set; } = "";
    /// <summary>Where the monitor came from ("ui", "api", "iplive:app/group"...).</summary>
    public string Origin { get; private set; } = "";
    public MonitorKind Kind { get; private set; }
    public bool Enabled { get; set; }
    public int IntervalSeconds { get; private set; }
    public MonitorStatus Status { get; private set; }
    public DateTime? StatusSince { get; private set; }
    public DateTime? LastProbeAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Percent 0–100 over the last 24 hours, null without samples.</summary>
    public double? Availability24h { get; private set; }
    public double? AvgLatency24hMs { get; private set; }

    /// <summary>The last rounds for the heartbeat bar, oldest first.</summary>
    public IReadOnlyList<HeartbeatRound> Rounds { get; private set; } = [];

    /// <summary>Inside an active maintenance window when the row was last read.</summary>
    public bool InMaintenance { get; private set; }

    public ShownStatus Shown => ShownStatusExtensions.Shown(Enabled, Status, InMaintenance);

    internal static MonitorRow From(MonitorListRow row) => new MonitorRow { Id = row.Id }.CopyFrom(row);

    /// <summary>
    /// Refreshes this row in place. Live updates reuse the row objects already on screen, so the grid patches
    /// their cells instead of replacing the rows (a click landing during a refresh still hits its button).
    /// </summary>
    internal MonitorRow WithRounds(IReadOnlyList<HeartbeatRound> rounds)
    {
        Rounds = rounds;
        return this;
    }

    /// <summary>
    /// Whether a fresh read of this row leaves all but its live cells as they are (<see cref="PatchLive"/>): its
    /// status badge, name, target and switch.
    /// </summary>
    internal bool SameFrameAs(MonitorListRow r) =>
        (Name, Target, Kind, Enabled, IntervalSeconds, Origin, Status, StatusSince, InMaintenance)
        == (r.Name, r.Target, r.Kind, r.Enabled, r.IntervalSeconds, r.Origin, r.Status, r.StatusSince, r.InMaintenance);

    /// <summary>Takes a fresh read of this row; true when a live cell (heartbeat, last probe, the day's figures) changed.</summary>
    internal bool PatchLive(MonitorListRow r, IReadOnlyList<HeartbeatRound> rounds)
    {
        var changed = LastProbeAt != r.LastProbeAt || Availability24h != r.LastDay?.AvailabilityPercent
                      || AvgLatency24hMs != r.LastDay?.AverageLatencyMs || !Rounds.ShowsSameAs(rounds);
        CopyFrom(r).WithRounds(rounds);
        return changed;
    }

    internal MonitorRow CopyFrom(MonitorListRow r)
    {
        (Name, Target, Kind, Enabled, IntervalSeconds, Origin) = (r.Name, r.Target, r.Kind, r.Enabled, r.IntervalSeconds, r.Origin);
        (Status, StatusSince, LastProbeAt, LastError, InMaintenance) = (r.Status, r.StatusSince, r.LastProbeAt, r.LastError, r.InMaintenance);
        (Availability24h, AvgLatency24hMs) = (r.LastDay?.AvailabilityPercent, r.LastDay?.AverageLatencyMs);
        return this;
    }
}
