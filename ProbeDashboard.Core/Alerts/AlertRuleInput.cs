using ProbeDashboard.Core.Alerts.Conditions;

namespace ProbeDashboard.Core.Alerts;

/// <summary>
/// What a caller asks an alert rule to be (seed 001 §3.1, plus recover_threshold). Names of types and levels are
/// the API's words; null fields take the defaults. The API, the UI's rule dialog and the config import all build one.
/// </summary>
public sealed record AlertRuleInput(
    string? Name,
    bool? Enable,
    string? Type,
    IReadOnlyList<int>? TargetIds,
    string? Condition,
    int? Duration,
    int? NotificationGroupId,
    string? AlertLevel,
    int? SilencePeriod,
    int? RecoverThreshold,
    int? EscalationPolicyId = null)
{
    public const int MaxDurationSeconds = 7 * 24 * 3600;

    /// <summary>Checks everything that needs no database; an empty result means valid. Keys are the API's field names.</summary>
    public Dictionary<string, string[]> Validate(out AlertRuleType type, out AlertLevel level)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["name is required"];
        else if (Name.Length > 200) errors["name"] = ["name is longer than 200 characters"];
        if (!AlertNames.TryParseRuleType(Type, out type)) errors["type"] = ["type must be host_monitor or service_probe"];
        level = Alerts.AlertLevel.Warning;
        if (AlertLevel is not null && !AlertNames.TryParseLevel(AlertLevel, out level)) errors["alert_level"] = ["alert_level must be info, warning or critical"];
        if (Duration is < 0 or > MaxDurationSeconds) errors["duration"] = [$"duration must be between 0 and {MaxDurationSeconds} seconds"];
        if (SilencePeriod is < 0 or > MaxDurationSeconds) errors["silence_period"] = [$"silence_period must be between 0 and {MaxDurationSeconds} seconds"];
        if (RecoverThreshold is < 1 or > 100) errors["recover_threshold"] = ["recover_threshold must be between 1 and 100"];
        if (EscalationPolicyId is < 1) errors["escalation_policy_id"] = ["escalation_policy_id must be a positive id"];
        if (TargetIds?.Any(id => id <= 0) == true) errors["target_ids"] = ["target_ids must be positive ids"];
        if (type != 0 && ConditionParser.TryParse(Condition, type, out var error) is null)
            errors["condition"] = [error!.Message];
        return errors;
    }

    /// <summary>Copies a validated input onto <paramref name="rule"/> (not its times).</summary>
    public void ApplyTo(AlertRule rule, AlertRuleType type, AlertLevel level)
    {
        rule.Name = Name!.Trim();
        rule.Enabled = Enable ?? true;
        rule.Type = type;
        rule.TargetIds = TargetIds?.Distinct().Order().ToList() ?? [];
        rule.Condition = Condition!.Trim();
        rule.DurationSeconds = Duration ?? 0;
        rule.NotificationGroupId = NotificationGroupId;
        rule.EscalationPolicyId = EscalationPolicyId;
        rule.Level = level;
        rule.SilencePeriodSeconds = SilencePeriod ?? 0;
        rule.RecoverThreshold = RecoverThreshold ?? 1;
    }

    /// <summary>The input that would store <paramref name="rule"/> as it is: what the UI's dialog starts from.</summary>
    public static AlertRuleInput Of(AlertRule rule) => new(rule.Name, rule.Enabled, AlertNames.Of(rule.Type), rule.TargetIds.ToList(),
        rule.Condition, rule.DurationSeconds, rule.NotificationGroupId, AlertNames.Of(rule.Level), rule.SilencePeriodSeconds, rule.RecoverThreshold,
        rule.EscalationPolicyId);
}
