using System.Text.Json;
using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Alerts;

public sealed record AckUser(int Id, string Name);

/// <summary>
/// The offline monitor an event's monitor depends on, while the event is suppressed (no notification, no escalation);
/// null when the event is not suppressed.
/// </summary>
public sealed record SuppressedByWire(int MonitorId, string Name)
{
    public static SuppressedByWire? Of(AlertEvent e) => e.SuppressedByMonitorId is { } id ? new SuppressedByWire(id, e.SuppressedByName ?? "") : null;
}

/// <summary>One row of GET /api/v1/alert-events (seed 001 §4.1), with the timing fields issue 4 asks to show plainly.</summary>
public sealed record AlertEventListItem(
    long Id,
    int? AlertRuleId,
    string AlertRuleName,
    int TargetId,
    string TargetType,
    string TargetName,
    DateTime? TriggerTime,
    DateTime? RecoverTime,
    string Status,
    string Level,
    string Title,
    string Message,
    JsonElement CurrentValue,
    bool Acknowledged,
    AckUser? AckUser,
    DateTime? AckTime,
    string? AckNote,
    DateTime PendingSince,
    DateTime? FiresAt,
    DateTime? SilenceUntil)
{
    /// <summary>Set while the event is suppressed because a monitor its monitor depends on is offline.</summary>
    public SuppressedByWire? SuppressedBy { get; init; }

    public static AlertEventListItem Of(AlertEvent e) => new(
        e.Id, e.AlertRuleId, e.AlertRuleName, e.TargetId, AlertNames.Of(e.TargetType), e.TargetName, e.TriggerTime, e.RecoverTime,
        AlertNames.Of(e.Status), AlertNames.Of(e.Level), e.Title, e.Message, Json(e.CurrentValueJson), e.Acknowledged,
        AckUserOf(e), e.AckTime, e.AckNote, e.PendingSince, e.FiresAt, e.SilenceUntil) { SuppressedBy = SuppressedByWire.Of(e) };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static AckUser? AckUserOf(AlertEvent e) => e.AckUserId is { } id ? new AckUser(id, e.AckUserName ?? "") : null;
}

public sealed record AlertEventRuleRef(int? Id, string Name, string Condition, int Duration);

public sealed record AlertEventTarget(int Id, string Type, string Name, string? Uuid);

public sealed record AlertNotificationItem(long Id, string Channel, string Recipient, string Purpose, DateTime? SentAt, string Status, int Attempts, string? LastError);

/// <summary>GET /api/v1/alert-events/{id} (seed 001 §4.2). history items are objects: timestamp plus the metrics.</summary>
public sealed record AlertEventDetail(
    long Id,
    AlertEventRuleRef AlertRule,
    AlertEventTarget Target,
    DateTime? TriggerTime,
    DateTime? RecoverTime,
    long DurationSeconds,
    string Status,
    string Level,
    string Title,
    string Message,
    JsonElement CurrentValue,
    IReadOnlyList<JsonElement> History,
    bool Acknowledged,
    AckUser? AckUser,
    DateTime? AckTime,
    string? AckNote,
    IReadOnlyList<AlertNotificationItem> Notifications,
    DateTime PendingSince,
    DateTime? FiresAt,
    DateTime? SilenceUntil,
    bool NotifyOnResolve,
    int? EscalationPolicyId = null,
    IReadOnlyList<EscalationNoticeItem>? Escalation = null)
{
    /// <summary>Set while the event is suppressed because a monitor its monitor depends on is offline.</summary>
    public SuppressedByWire? SuppressedBy { get; init; }
}

/// <summary>
/// One step of an event's escalation timeline: <c>status</c> is due (with <c>due_at</c>), sent (<c>sent_at</c>) or
/// cancelled (<c>cancelled_at</c>, <c>cancel_reason</c>: acknowledged or resolved).
/// </summary>
public sealed record EscalationNoticeItem(int Sequence, int Step, IReadOnlyList<int> NotificationGroupIds, string Status, DateTime DueAt,
    DateTime? SentAt, DateTime? CancelledAt, string? CancelReason)
{
    public static EscalationNoticeItem Of(ProbeDashboard.Core.Alerts.Escalation.EscalationNotice n) => new(
        n.Sequence, n.StepNumber, n.NotificationGroupIds, n.Status.ToString().ToLowerInvariant(), n.DueAt, n.SentAt, n.CancelledAt, n.CancelReason);
}

public sealed record AcknowledgeRequest(string? Note);

public sealed record AcknowledgeResponse(long Id, bool Acknowledged, AckUser? AckUser, DateTime? AckTime, string? AckNote);

public sealed record BulkAcknowledgeRequest(List<long>? Ids, string? Note);

public sealed record BulkAcknowledgeFailure(long Id, int Code, string Message);

public sealed record BulkAcknowledgeResponse(IReadOnlyList<AcknowledgeResponse> Acknowledged, IReadOnlyList<BulkAcknowledgeFailure> Failed);

/// <param name="Duration">Seconds, 1 to 30 days.</param>
/// <param name="NotifyOnResolve">Whether a recovery during the silence is still announced; default true.</param>
public sealed record SilenceRequest(int? Duration, bool? NotifyOnResolve);

public sealed record SilenceResponse(long Id, string Status, DateTime? SilenceUntil, bool NotifyOnResolve);
