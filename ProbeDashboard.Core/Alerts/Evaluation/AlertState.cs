namespace ProbeDashboard.Core.Alerts.Evaluation;

public enum AlertPhase
{
    Ok = 0,
    Pending = 1,
    Firing = 2,
}

/// <summary>How one rule judges time: all durations in seconds.</summary>
/// <param name="DurationSeconds">How long the condition must hold before pending turns into firing; 0 fires at once.</param>
/// <param name="RecoverThreshold">Consecutive good samples before a firing alert resolves (damps flapping); at least 1.</param>
/// <param name="SilencePeriodSeconds">Least time between two notifications for the same (rule, target); also the
/// reminder interval while an alert keeps firing unacknowledged. 0: no reminders, no suppression.</param>
public sealed record AlertPolicy(int DurationSeconds, int RecoverThreshold = 1, int SilencePeriodSeconds = 0);

/// <summary>
/// Where one (rule, target) pair stands. Immutable: <see cref="AlertEvaluator"/> computes the next one.
/// Everything but <see cref="LastNotifiedAt"/> belongs to the current event and is reset when it closes.
/// </summary>
public sealed record AlertState
{
    public static readonly AlertState Initial = new();

    public AlertPhase Phase { get; init; }
    /// <summary>When the condition first held for the current event.</summary>
    public DateTime? PendingSince { get; init; }
    /// <summary>When the current event fires if the condition keeps holding.</summary>
    public DateTime? FiresAt { get; init; }
    /// <summary>When the current event started firing.</summary>
    public DateTime? TriggerTime { get; init; }
    /// <summary>Good samples in a row while firing.</summary>
    public int GoodRounds { get; init; }
    /// <summary>The last alarm (fired or reminder) for this (rule, target), across events: silence_period counts from it.</summary>
    public DateTime? LastNotifiedAt { get; init; }
    /// <summary>True once a fired notification went out for the current event; only then is its recovery announced.</summary>
    public bool Announced { get; init; }
    /// <summary>An operator's silence on the current event: no notifications before this instant.</summary>
    public DateTime? SilenceUntil { get; init; }
    /// <summary>Whether a recovery during the silence is still announced.</summary>
    public bool NotifyOnResolve { get; init; } = true;
    /// <summary>An operator has seen the current event: no reminders.</summary>
    public bool Acknowledged { get; init; }

    public bool IsOpen => Phase != AlertPhase.Ok;

    public bool IsSilencedAt(DateTime now) => SilenceUntil is { } until && now < until;

    /// <summary>The event status an operator sees.</summary>
    public AlertEventStatus StatusAt(DateTime now) => Phase switch
    {
        AlertPhase.Ok => AlertEventStatus.Resolved,
        _ when IsSilencedAt(now) => AlertEventStatus.Silenced,
        AlertPhase.Pending => AlertEventStatus.Pending,
        _ => AlertEventStatus.Firing,
    };
}

[Flags]
public enum AlertChanges
{
    None = 0,
    /// <summary>The condition started holding: a new event, pending.</summary>
    Opened = 1,
    Fired = 2,
    Resolved = 4,
    /// <summary>A pending event whose condition stopped holding before it fired; nobody was told, so it goes away.</summary>
    Discarded = 8,
    SilenceEnded = 16,
}

public enum AlertNotificationKind
{
    None = 0,
    Fired = 1,
    /// <summary>Still firing after silence_period (or after a silence ended) and nobody acknowledged it.</summary>
    Reminder = 2,
    Resolved = 3,
}

/// <summary>The outcome of one evaluation: the next state, what changed, and what to tell people.</summary>
public sealed record AlertStep(AlertState State, AlertChanges Changes, AlertNotificationKind Notification)
{
    public bool Changed => Changes != AlertChanges.None || Notification != AlertNotificationKind.None;
}
