using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Alerts.Events;

/// <summary>One row of the events grid.</summary>
public sealed record AlertEventRow(
    long Id, string Title, string RuleName, AlertTargetType TargetType, string TargetName, AlertLevel Level, AlertEventStatus Status,
    DateTime PendingSince, DateTime? TriggerTime, DateTime? RecoverTime, DateTime? SilenceUntil, bool Acknowledged, string? AckUserName)
{
    public bool IsOpen => Status != AlertEventStatus.Resolved;
    /// <summary>The offline monitor this event's monitor depends on, while the event is suppressed.</summary>
    public string? SuppressedByName { get; init; }

    public static AlertEventRow Of(AlertEvent e) => new(e.Id, e.Title, e.AlertRuleName, e.TargetType, e.TargetName, e.Level, e.Status,
        e.PendingSince, e.TriggerTime, e.RecoverTime, e.SilenceUntil, e.Acknowledged, e.AckUserName)
    { SuppressedByName = e.IsSuppressed ? e.SuppressedByName ?? $"#{e.SuppressedByMonitorId}" : null };
}
