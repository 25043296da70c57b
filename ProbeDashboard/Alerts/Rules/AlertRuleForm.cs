using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Conditions;

namespace ProbeDashboard.Alerts.Rules;

/// <summary>What the rule dialog edits; becomes Core's <see cref="AlertRuleInput"/>, validated as the API's is.</summary>
public sealed class AlertRuleForm
{
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public AlertRuleType Type { get; set; } = AlertRuleType.ServiceProbe;
    public IReadOnlyCollection<int> TargetIds { get; set; } = [];
    public string Condition { get; set; } = "";
    public int DurationSeconds { get; set; } = 60;
    public AlertLevel Level { get; set; } = AlertLevel.Warning;
    public int SilencePeriodSeconds { get; set; } = 3600;
    public int RecoverThreshold { get; set; } = 1;
    public int? NotificationGroupId { get; set; }
    /// <summary>The rule's escalation policy (besides or instead of the group); null for none.</summary>
    public int? EscalationPolicyId { get; set; }

    public static AlertRuleForm Of(AlertRule rule) => new()
    {
        Name = rule.Name, Enabled = rule.Enabled, Type = rule.Type, TargetIds = rule.TargetIds.ToList(), Condition = rule.Condition,
        DurationSeconds = rule.DurationSeconds, Level = rule.Level, SilencePeriodSeconds = rule.SilencePeriodSeconds,
        RecoverThreshold = rule.RecoverThreshold, NotificationGroupId = rule.NotificationGroupId,
        EscalationPolicyId = rule.EscalationPolicyId,
    };

    public AlertRuleInput ToInput() => new(Name, Enabled, AlertNames.Of(Type), TargetIds.ToList(), Condition, DurationSeconds,
        NotificationGroupId, AlertNames.Of(Level), SilencePeriodSeconds, RecoverThreshold, EscalationPolicyId);

    /// <summary>The parser's verdict on the condition as typed: null when valid.</summary>
    public ConditionException? ConditionError()
    {
        ConditionParser.TryParse(Condition, Type, out var error);
        return error;
    }
}
