using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Conditions;

namespace ProbeDashboard.Alerts;

/// <summary>Body of POST and PUT /api/v1/alert-rules (seed 001 §3.1), plus recover_threshold from issue 4.</summary>
public sealed record AlertRuleRequest(
    string? Name,
    bool? Enable,
    string? Type,
    List<int>? TargetIds,
    string? Condition,
    int? Duration,
    int? NotificationGroupId,
    string? AlertLevel,
    int? SilencePeriod,
    int? RecoverThreshold)
{
    public const int MaxDurationSeconds = 7 * 24 * 3600;

    /// <summary>Checks everything that needs no database; an empty result means valid.</summary>
    public Dictionary<string, string[]> Validate(out AlertRuleType type, out AlertLevel level)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name)) errors["name"] = ["name is required"];
        else if (Name.Length > 200) errors["name"] = ["name is longer than 200 characters"];
        if (!AlertNames.TryParseRuleType(Type, out type)) errors["type"] = ["type must be host_monitor or service_probe"];
        level = Core.Alerts.AlertLevel.Warning;
        if (AlertLevel is not null && !AlertNames.TryParseLevel(AlertLevel, out level)) errors["alert_level"] = ["alert_level must be info, warning or critical"];
        if (Duration is < 0 or > MaxDurationSeconds) errors["duration"] = [$"duration must be between 0 and {MaxDurationSeconds} seconds"];
        if (SilencePeriod is < 0 or > MaxDurationSeconds) errors["silence_period"] = [$"silence_period must be between 0 and {MaxDurationSeconds} seconds"];
        if (RecoverThreshold is < 1 or > 100) errors["recover_threshold"] = ["recover_threshold must be between 1 and 100"];
        if (TargetIds?.Any(id => id <= 0) == true) errors["target_ids"] = ["target_ids must be positive ids"];
        if (type != 0 && ConditionParser.TryParse(Condition, type, out var error) is null)
            errors["condition"] = [error!.Message];
        return errors;
    }

    public void ApplyTo(AlertRule rule, AlertRuleType type, AlertLevel level, DateTime now)
    {
        rule.Name = Name!.Trim();
        rule.Enabled = Enable ?? true;
        rule.Type = type;
        rule.TargetIds = TargetIds?.Distinct().Order().ToList() ?? [];
        rule.Condition = Condition!.Trim();
        rule.DurationSeconds = Duration ?? 0;
        rule.NotificationGroupId = NotificationGroupId;
        rule.Level = level;
        rule.SilencePeriodSeconds = SilencePeriod ?? 0;
        rule.RecoverThreshold = RecoverThreshold ?? 1;
        rule.UpdatedAt = now;
    }
}

public sealed record AlertRuleResponse(
    int Id,
    string Name,
    bool Enable,
    string Type,
    IReadOnlyList<int> TargetIds,
    string Condition,
    int Duration,
    int? NotificationGroupId,
    string AlertLevel,
    int SilencePeriod,
    int RecoverThreshold,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static AlertRuleResponse Of(AlertRule r) => new(
        r.Id, r.Name, r.Enabled, AlertNames.Of(r.Type), r.TargetIds, r.Condition, r.DurationSeconds, r.NotificationGroupId,
        AlertNames.Of(r.Level), r.SilencePeriodSeconds, r.RecoverThreshold, r.CreatedAt, r.UpdatedAt);
}

/// <summary>One row of GET /api/v1/alert-rules (seed 001 §3.2).</summary>
public sealed record AlertRuleListItem(
    int Id,
    string Name,
    bool Enable,
    string Type,
    string Condition,
    string AlertLevel,
    int ActiveEvents,
    [property: System.Text.Json.Serialization.JsonPropertyName("total_events_24h")] int TotalEvents24h,
    DateTime? LastTriggerTime,
    DateTime CreatedAt);

/// <summary>Body of POST /api/v1/alert-rules/validate-condition: the rules editor checks as the user types.</summary>
public sealed record ValidateConditionRequest(string? Type, string? Condition);

/// <param name="Position">1-based character number of the error (as in editors and the UI), or null when valid.</param>
public sealed record ValidateConditionResponse(bool Valid, string? Error, int? Position, IReadOnlyList<string> Metrics);
