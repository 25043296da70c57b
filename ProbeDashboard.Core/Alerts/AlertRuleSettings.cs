namespace ProbeDashboard.Core.Alerts;

/// <summary>A rule's settings as text, to tell whether a save changes anything and to describe what it changed.</summary>
internal sealed record AlertRuleSettings(IReadOnlyList<(string Field, string Value)> Fields)
{
    public static AlertRuleSettings Of(AlertRule rule) => new(
    [
        ("name", rule.Name),
        ("enable", rule.Enabled ? "true" : "false"),
        ("type", AlertNames.Of(rule.Type)),
        ("target_ids", string.Join(",", rule.TargetIds)),
        ("condition", rule.Condition),
        ("duration", rule.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("notification_group_id", rule.NotificationGroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"),
        ("escalation_policy_id", rule.EscalationPolicyId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"),
        ("alert_level", AlertNames.Of(rule.Level)),
        ("silence_period", rule.SilencePeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("recover_threshold", rule.RecoverThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    /// <returns>"condition: a → b; enable: true → false", or null when nothing differs.</returns>
    public string? DiffTo(AlertRuleSettings after)
    {
        var changes = Fields.Zip(after.Fields).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Field}: {p.First.Value} → {p.Second.Value}").ToList();
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }
}
