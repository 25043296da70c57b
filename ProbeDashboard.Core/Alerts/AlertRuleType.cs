namespace ProbeDashboard.Core.Alerts;

/// <summary>What a rule watches: agents' host metrics or service monitors' probe results (seed 001 §3).</summary>
public enum AlertRuleType
{
    HostMonitor = 1,
    ServiceProbe = 2,
}

public enum AlertLevel
{
    Info = 1,
    Warning = 2,
    Critical = 3,
}
