using ProbeDashboard.Core.Alerts.Evaluation;

namespace ProbeDashboard.Core.Alerts;

public enum AlertEventStatus
{
    Pending = 1,
    Firing = 2,
    Resolved = 3,
    Silenced = 4,
}

public enum AlertTargetType
{
    Host = 1,
    Service = 2,
}

/// <summary>
/// One incident of one (rule, target): from the first breach until recovery (seed 001 §4). Carries the
/// evaluation state, so the engine rebuilds itself from the open events after a restart.
/// </summary>
public class AlertEvent
{
    public long Id { get; set; }
    /// <summary><see cref="AlertSource"/>: "rule:5", "monitor-down:7"...; with the target it names the state machine.</summary>
    public string SourceKey { get; set; } = "";
    /// <summary>The explicit rule, or null for a monitor's own alert. Kept (no foreign key) when the rule is deleted.</summary>
    public int? AlertRuleId { get; set; }
    public string AlertRuleName { get; set; } = "";
    public string Condition { get; set; } = "";
    public int DurationSeconds { get; set; }

    public AlertTargetType TargetType { get; set; }
    public int TargetId { get; set; }
    public string TargetName { get; set; } = "";
    public string? TargetUuid { get; set; }

    public AlertEventStatus Status { get; set; }
    public AlertLevel Level { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>The latest sample's metrics the condition reads, plus its timestamp, as a JSON object.</summary>
    public string CurrentValueJson { get; set; } = "{}";
    public int? NotificationGroupId { get; set; }
    /// <summary>The policy that escalates this event, copied from its rule or monitor when it opened.</summary>
    public int? EscalationPolicyId { get; set; }

    public DateTime PendingSince { get; set; }
    public DateTime? FiresAt { get; set; }
    public DateTime? TriggerTime { get; set; }
    public DateTime? RecoverTime { get; set; }
    public DateTime? SilenceUntil { get; set; }
    public bool NotifyOnResolve { get; set; } = true;
    public int GoodRounds { get; set; }
    public DateTime? LastNotifiedAt { get; set; }
    public bool Announced { get; set; }

    public bool Acknowledged { get; set; }
    public int? AckUserId { get; set; }
    public string? AckUserName { get; set; }
    public DateTime? AckTime { get; set; }
    public string? AckNote { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The offline monitor this event's monitor depends on, while the event is suppressed: it notifies nobody and
    /// starts no escalation. Cleared when that monitor recovers and the event, still open, fires normally.
    /// </summary>
    public int? SuppressedByMonitorId { get; set; }
    /// <summary>The name of <see cref="SuppressedByMonitorId"/> when the event was suppressed ("suppressed by uplink").</summary>
    public string? SuppressedByName { get; set; }
    /// <summary>True while the event is suppressed by a monitor its monitor depends on.</summary>
    public bool IsSuppressed => SuppressedByMonitorId is not null;

    public List<AlertEventSample> Samples { get; set; } = [];

    public bool IsOpen => Status != AlertEventStatus.Resolved;

    public AlertState ToState() => new()
    {
        Phase = TriggerTime is null ? AlertPhase.Pending : AlertPhase.Firing,
        PendingSince = PendingSince,
        FiresAt = FiresAt,
        TriggerTime = TriggerTime,
        GoodRounds = GoodRounds,
        LastNotifiedAt = LastNotifiedAt,
        Announced = Announced,
        SilenceUntil = SilenceUntil,
        NotifyOnResolve = NotifyOnResolve,
        Acknowledged = Acknowledged,
    };

    /// <summary>Copies the evaluation state onto the row; a closed state resolves it (recover_time now).</summary>
    public void Apply(AlertState state, DateTime now)
    {
        Status = state.StatusAt(now);
        UpdatedAt = now;
        LastNotifiedAt = state.LastNotifiedAt ?? LastNotifiedAt;
        if (!state.IsOpen)
        {
            RecoverTime = now;
            SilenceUntil = null;
            return;
        }
        FiresAt = state.FiresAt;
        TriggerTime = state.TriggerTime;
        GoodRounds = state.GoodRounds;
        Announced = state.Announced;
        SilenceUntil = state.SilenceUntil;
        NotifyOnResolve = state.NotifyOnResolve;
        Acknowledged = state.Acknowledged;
    }
}

/// <summary>One sample around an event's trigger: the metrics the condition reads, as JSON.</summary>
public class AlertEventSample
{
    public long Id { get; set; }
    public long AlertEventId { get; set; }
    public DateTime Timestamp { get; set; }
    public string ValuesJson { get; set; } = "{}";
}
