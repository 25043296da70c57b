namespace ProbeDashboard.Core.Alerts.Escalation;

/// <summary>
/// Who hears about a firing event, and when, until someone acknowledges it: ordered steps, each notifying some
/// notification groups a number of seconds after the previous step (the first: after the event fires), and the last
/// step repeated <see cref="Repeat"/> more times at its own interval. Alert rules and monitors reference a policy.
/// </summary>
public class EscalationPolicy
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>In order; at least one. Stored as one JSON column: a policy is read and written whole.</summary>
    public List<EscalationStep> Steps { get; set; } = [];
    /// <summary>How many more times the last step is sent, each its after_seconds after the one before.</summary>
    public int Repeat { get; set; }
    /// <summary>When true (the default), acknowledging an event cancels its steps still due.</summary>
    public bool StopOnAcknowledge { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Every group any step notifies.</summary>
    public IEnumerable<int> GroupIds => Steps.SelectMany(s => s.NotificationGroupIds).Distinct();

    /// <summary>The step sent as the <paramref name="sequence"/>-th notice (0-based): the steps in order, then the last one repeated.</summary>
    /// <returns>Null when the policy has no notice with this number (the escalation is over).</returns>
    public (int StepNumber, EscalationStep Step)? NoticeAt(int sequence)
    {
        if (sequence < 0 || Steps.Count == 0 || sequence >= Steps.Count + Repeat) return null;
        var index = Math.Min(sequence, Steps.Count - 1);
        return (index + 1, Steps[index]);
    }
}

/// <param name="AfterSeconds">Seconds after the previous step was sent (for the first step: after the event fired).</param>
public sealed record EscalationStep(int AfterSeconds, List<int> NotificationGroupIds);

public enum EscalationNoticeStatus
{
    /// <summary>Waiting for its time (or for a silence to end).</summary>
    Due = 1,
    Sent = 2,
    /// <summary>Not sent: the event was acknowledged or resolved first (<see cref="EscalationNotice.CancelReason"/>).</summary>
    Cancelled = 3,
}

/// <summary>
/// One step of one event's escalation, as the database remembers it: due, sent or cancelled. The sweep that sends a
/// due notice marks it sent and writes its messages and the next notice in one transaction, so a crash at any point
/// leaves either all of it or none: after a restart a notice is sent once, never skipped, never twice. The rows are
/// also the event's escalation timeline.
/// </summary>
public class EscalationNotice
{
    public long Id { get; set; }
    public long AlertEventId { get; set; }
    public int EscalationPolicyId { get; set; }
    /// <summary>0-based number of this notice in the event's escalation (repeats of the last step count on).</summary>
    public int Sequence { get; set; }
    /// <summary>1-based step of the policy it sends.</summary>
    public int StepNumber { get; set; }
    /// <summary>The groups it notifies, copied from the policy when it was scheduled.</summary>
    public List<int> NotificationGroupIds { get; set; } = [];
    public DateTime DueAt { get; set; }
    /// <summary>A concurrency token: two nodes sweeping at once cannot both send one notice.</summary>
    public EscalationNoticeStatus Status { get; set; } = EscalationNoticeStatus.Due;
    public DateTime? SentAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>"acknowledged", "resolved".</summary>
    public string? CancelReason { get; set; }
}
