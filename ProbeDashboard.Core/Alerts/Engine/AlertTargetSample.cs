namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>One observation of one target, in the metric names conditions use.</summary>
public sealed record AlertTargetSample(
    AlertTargetType TargetType,
    int TargetId,
    string TargetName,
    string? TargetUuid,
    DateTime Timestamp,
    IReadOnlyDictionary<string, double> Metrics);

/// <summary>Names one state machine: which rule (or monitor-level alert) on which target.</summary>
public readonly record struct AlertKey(string SourceKey, AlertTargetType TargetType, int TargetId)
{
    public static AlertKey Of(AlertEvent e) => new(e.SourceKey, e.TargetType, e.TargetId);
}
