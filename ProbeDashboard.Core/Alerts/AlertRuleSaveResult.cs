namespace ProbeDashboard.Core.Alerts;

public enum AlertRuleSaveOutcome { Saved, Invalid, NotFound }

/// <summary>Outcome of saving a rule: the rule, or field errors (keyed by the API's field names), or "no such rule".</summary>
/// <param name="Changed">False when the input matched the stored rule: nothing was written or audited.</param>
public sealed record AlertRuleSaveResult(AlertRuleSaveOutcome Outcome, AlertRule? Rule, IReadOnlyDictionary<string, string[]> Errors, bool Changed = true)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static readonly AlertRuleSaveResult Missing = new(AlertRuleSaveOutcome.NotFound, null, NoErrors, Changed: false);

    public static AlertRuleSaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(AlertRuleSaveOutcome.Invalid, null, errors, Changed: false);

    public static AlertRuleSaveResult Saved(AlertRule rule, bool changed) => new(AlertRuleSaveOutcome.Saved, rule, NoErrors, changed);
}

/// <summary>The list filters of seed 001 §3.2; null means any.</summary>
public sealed record AlertRuleFilter(bool? Enabled = null, AlertRuleType? Type = null, AlertLevel? Level = null);

/// <summary>A rule with its event figures, as lists show it.</summary>
/// <param name="ActiveEvents">Events not yet resolved.</param>
/// <param name="EventsLast24h">Events that started in the last 24 hours.</param>
public sealed record AlertRuleSummary(AlertRule Rule, int ActiveEvents, int EventsLast24h, DateTime? LastTriggerTime);

/// <summary>What a picker offers by name: a rule, or a monitor or host a rule can watch.</summary>
public sealed record AlertChoice(int Id, string Name);
