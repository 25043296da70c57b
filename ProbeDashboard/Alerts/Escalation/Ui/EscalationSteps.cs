using Microsoft.Extensions.Localization;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Alerts.Escalation.Ui;

/// <summary>How a policy's steps read in the list: "at once → On call · after 5 min → Ops, Leads · last step 2 more times".</summary>
public static class EscalationSteps
{
    public static string Summary(IStringLocalizer<UiText> l, EscalationPolicy policy, IReadOnlyDictionary<int, string> groupNames)
    {
        var steps = policy.Steps.Select(s => $"{Delay(l, s.AfterSeconds)} → {Groups(groupNames, s.NotificationGroupIds)}");
        var repeat = policy.Repeat > 0 ? [l["EscalationRepeatSummary", policy.Repeat].Value] : Array.Empty<string>();
        return string.Join(" · ", steps.Concat(repeat));
    }

    public static string Groups(IReadOnlyDictionary<int, string> names, IEnumerable<int> ids) =>
        string.Join(", ", ids.Select(id => names.TryGetValue(id, out var name) ? name : $"#{id}"));

    /// <summary>"at once", "after 45 s", "after 5 min", "after 1 h 30 min".</summary>
    public static string Delay(IStringLocalizer<UiText> l, int seconds)
    {
        if (seconds == 0) return l["EscalationAtOnce"];
        var span = TimeSpan.FromSeconds(seconds);
        var parts = new List<string>();
        if ((int)span.TotalHours > 0) parts.Add($"{(int)span.TotalHours} h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes} min");
        if (span.Seconds > 0) parts.Add($"{span.Seconds} s");
        return l["EscalationAfter", string.Join(" ", parts)];
    }
}
