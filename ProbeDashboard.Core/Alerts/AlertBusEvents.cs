namespace ProbeDashboard.Core.Alerts;

/// <summary>
/// One host's metrics at one instant, as an agent reports them (names as in <see cref="Conditions.AlertMetrics.Host"/>).
/// Published by the agents feature; host_monitor rules are evaluated on it.
/// </summary>
public sealed record HostMetricsSampled(int HostId, string HostName, Guid HostUuid, DateTime Timestamp, IReadOnlyDictionary<string, double> Metrics);

public enum AlertEventChange
{
    /// <summary>A new event, pending until its duration has passed (or already firing with duration 0).</summary>
    Opened = 1,
    Fired = 2,
    Resolved = 3,
    /// <summary>A pending event whose condition cleared before it fired; its row is gone.</summary>
    Discarded = 4,
    Acknowledged = 5,
    Silenced = 6,
    /// <summary>The silence ran out or was lifted: the event is firing (or pending) again.</summary>
    SilenceEnded = 7,
}

/// <summary>Published after the change is committed; carries what a live feed shows (seed 001 §5.3).</summary>
public sealed record AlertEventChanged(AlertEventChange Change, AlertEventSummary Event);

public sealed record AlertEventSummary(
    long Id,
    int? AlertRuleId,
    string AlertRuleName,
    AlertTargetType TargetType,
    int TargetId,
    string TargetName,
    AlertLevel Level,
    AlertEventStatus Status,
    string Title,
    string Message,
    DateTime PendingSince,
    DateTime? TriggerTime,
    DateTime? RecoverTime,
    DateTime? SilenceUntil,
    bool Acknowledged)
{
    public static AlertEventSummary Of(AlertEvent e) => new(
        e.Id, e.AlertRuleId, e.AlertRuleName, e.TargetType, e.TargetId, e.TargetName, e.Level, e.Status, e.Title,
        e.Message, e.PendingSince, e.TriggerTime, e.RecoverTime, e.SilenceUntil, e.Acknowledged);
}
