using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Alerts.Evaluation;

namespace ProbeDashboard.Core.Alerts;

/// <summary>An explicit alert rule (seed 001 §3): a condition over one kind of target, held for a duration.</summary>
public class AlertRule
{
    private ConditionNode? _parsed;
    private string? _parsedFrom;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public AlertRuleType Type { get; set; }
    /// <summary>Host ids (host_monitor) or monitor ids (service_probe); empty means every target of the type.</summary>
    public List<int> TargetIds { get; set; } = [];
    public string Condition { get; set; } = "";
    public int DurationSeconds { get; set; }
    /// <summary>Consecutive good samples before a firing alert resolves; service_probe rules only, default 1.</summary>
    public int RecoverThreshold { get; set; } = 1;
    public int? NotificationGroupId { get; set; }
    /// <summary>Escalates its events by this policy, besides (or instead of) notifying <see cref="NotificationGroupId"/>.</summary>
    public int? EscalationPolicyId { get; set; }
    public AlertLevel Level { get; set; } = AlertLevel.Warning;
    public int SilencePeriodSeconds { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The parsed condition, cached until <see cref="Condition"/> changes.</summary>
    /// <exception cref="ConditionException">The stored condition does not parse for the rule's type.</exception>
    public ConditionNode ParsedCondition
    {
        get
        {
            if (_parsed is null || _parsedFrom != Condition)
            {
                _parsed = ConditionParser.Parse(Condition, Type);
                _parsedFrom = Condition;
            }
            return _parsed;
        }
    }

    public AlertPolicy Policy => new(DurationSeconds, Type == AlertRuleType.ServiceProbe ? RecoverThreshold : 1, SilencePeriodSeconds);

    public bool Watches(int targetId) => TargetIds.Count == 0 || TargetIds.Contains(targetId);

    /// <summary>The key of this rule's events, shared with monitor-level alerts so one unique index guards both.</summary>
    public string SourceKey => AlertSource.ForRule(Id);
}

/// <summary>Where an event's rule came from: an explicit rule or one of a monitor's own alert settings.</summary>
public static class AlertSource
{
    public static string ForRule(int ruleId) => $"rule:{ruleId}";

    /// <summary>A monitor's enable_alert: fail_threshold consecutive failed rounds.</summary>
    public static string ForMonitorDown(int monitorId) => $"monitor-down:{monitorId}";

    /// <summary>A monitor's latency_alert: latency above max_latency.</summary>
    public static string ForMonitorLatency(int monitorId) => $"monitor-latency:{monitorId}";

    /// <summary>A monitor's certificate alert for the band that starts at <paramref name="days"/> before expiry.</summary>
    public static string ForCertificate(int monitorId, int days) => $"monitor-cert-{days}:{monitorId}";

    /// <summary>Whether the key is an explicit rule's, not one of a monitor's own alerts.</summary>
    public static bool IsRule(string key) => key.StartsWith("rule:", StringComparison.Ordinal);

    /// <summary>Splits a key into its kind ("rule", "monitor-down", "monitor-latency") and id.</summary>
    public static bool TryParse(string key, out string kind, out int id)
    {
        var colon = key.LastIndexOf(':');
        kind = colon > 0 ? key[..colon] : "";
        id = 0;
        return colon > 0 && int.TryParse(key.AsSpan(colon + 1), out id);
    }
}
