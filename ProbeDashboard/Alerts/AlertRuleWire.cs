using ProbeDashboard.Core.Alerts;

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
    int? RecoverThreshold,
    int? EscalationPolicyId = null)
{
    public AlertRuleInput ToInput() =>
        new(Name, Enable, Type, TargetIds, Condition, Duration, NotificationGroupId, AlertLevel, SilencePeriod, RecoverThreshold, EscalationPolicyId);
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
    DateTime UpdatedAt,
    int? EscalationPolicyId)
{
    public static AlertRuleResponse Of(AlertRule r) => new(
        r.Id, r.Name, r.Enabled, AlertNames.Of(r.Type), r.TargetIds, r.Condition, r.DurationSeconds, r.NotificationGroupId,
        AlertNames.Of(r.Level), r.SilencePeriodSeconds, r.RecoverThreshold, r.CreatedAt, r.UpdatedAt, r.EscalationPolicyId);
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
