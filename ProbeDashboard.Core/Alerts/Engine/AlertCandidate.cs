using System.Globalization;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Alerts.Evaluation;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Something that can alert on a sample: an explicit rule, or a monitor's own enable_alert / latency_alert
/// setting expressed as the same kind of condition so both run through one state machine. A monitor that names no
/// notification group sends its own alerts to the default groups (<see cref="UsesDefaultGroups"/>), looked up when
/// an alert is sent.
/// </summary>
public sealed record AlertCandidate(
    string SourceKey,
    int? AlertRuleId,
    string Name,
    string Condition,
    ConditionNode Node,
    AlertPolicy Policy,
    AlertLevel Level,
    int? NotificationGroupId,
    bool UsesDefaultGroups = false,
    int? EscalationPolicyId = null)
{
    /// <summary>For a certificate alert (<see cref="CertificateAlerts"/>): the days before expiry its band starts at.</summary>
    public int? CertificateThreshold { get; init; }

    public static AlertCandidate ForRule(AlertRule rule) => new(
        rule.SourceKey, rule.Id, rule.Name, rule.Condition, rule.ParsedCondition, rule.Policy, rule.Level, rule.NotificationGroupId,
        EscalationPolicyId: rule.EscalationPolicyId);

    public static IEnumerable<AlertCandidate> ForMonitor(MonitorDefinition monitor)
    {
        var policy = new AlertPolicy(0, Math.Max(1, monitor.RecoverThreshold));
        if (monitor.EnableAlert)
        {
            var condition = $"consecutive_failures >= {Math.Max(1, monitor.FailThreshold)}";
            yield return new AlertCandidate(AlertSource.ForMonitorDown(monitor.Id), null, $"{monitor.Name} is down", condition,
                ParsedMonitorCondition(condition), policy, AlertLevel.Critical, monitor.NotificationGroupId,
                UsesDefaults(monitor), monitor.EscalationPolicyId);
        }
        if (monitor.LatencyAlert && monitor.MaxLatencySeconds is > 0 and var max)
        {
            var condition = string.Create(CultureInfo.InvariantCulture, $"latency > {max}");
            yield return new AlertCandidate(AlertSource.ForMonitorLatency(monitor.Id), null, $"{monitor.Name} is slow", condition,
                ParsedMonitorCondition(condition), policy, AlertLevel.Warning, monitor.NotificationGroupId,
                UsesDefaults(monitor), monitor.EscalationPolicyId);
        }
        foreach (var certificate in CertificateAlerts.For(monitor, monitor.NotificationGroupId, UsesDefaults(monitor), monitor.EscalationPolicyId))
            yield return certificate;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConditionNode> MonitorConditions = new(StringComparer.Ordinal);

    /// <summary>
    /// A monitor's own conditions, parsed once per distinct text: they are rebuilt for every round, and the few
    /// distinct thresholds in use repeat across monitors. The parsed trees are immutable, so sharing them is safe;
    /// past a bound (thousands of distinct thresholds) they are parsed each time rather than kept forever.
    /// </summary>
    internal static ConditionNode ParsedMonitorCondition(string condition) =>
        MonitorConditions.TryGetValue(condition, out var node) ? node
        : MonitorConditions.Count < 4096 ? MonitorConditions.GetOrAdd(condition, c => ConditionParser.Parse(c, AlertRuleType.ServiceProbe))
        : ConditionParser.Parse(condition, AlertRuleType.ServiceProbe);

    /// <summary>A monitor that names neither a group nor an escalation policy is heard by the default groups.</summary>
    private static bool UsesDefaults(MonitorDefinition monitor) => monitor.NotificationGroupId is null && monitor.EscalationPolicyId is null;
}
