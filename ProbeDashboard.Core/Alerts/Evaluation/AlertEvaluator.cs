namespace ProbeDashboard.Core.Alerts.Evaluation;

/// <summary>
/// The alert state machine as pure functions of (policy, state, breached?, now):
/// Ok → Pending (condition first holds) → Firing (held for the duration) → Ok/resolved (recover_threshold good
/// samples). A sample whose metrics are missing (breached = null) is treated like a tick: it proves nothing,
/// so it moves no state except what time alone moves (a due firing, the end of a silence, a reminder).
/// </summary>
public static class AlertEvaluator
{
    public static AlertStep Next(AlertPolicy policy, AlertState state, bool? breached, DateTime now)
    {
        var changes = AlertChanges.None;
        var s = state;
        if (s.SilenceUntil is { } until && now >= until)
        {
            s = s with { SilenceUntil = null, NotifyOnResolve = true };
            changes |= AlertChanges.SilenceEnded;
        }

        var notification = AlertNotificationKind.None;
        if (breached == true && s.Phase == AlertPhase.Ok)
        {
            s = Closed(s) with
            {
                Phase = AlertPhase.Pending,
                PendingSince = now,
                FiresAt = now.AddSeconds(Math.Max(0, policy.DurationSeconds)),
            };
            changes |= AlertChanges.Opened;
        }
        else if (breached == true)
        {
            s = s with { GoodRounds = 0 };
        }
        else if (breached == false && s.Phase == AlertPhase.Pending)
        {
            return new AlertStep(Closed(s), changes | AlertChanges.Discarded, AlertNotificationKind.None);
        }
        else if (breached == false && s.Phase == AlertPhase.Firing)
        {
            s = s with { GoodRounds = s.GoodRounds + 1 };
            if (s.GoodRounds >= Math.Max(1, policy.RecoverThreshold))
                return Resolve(s, changes, now);
        }

        if (s.Phase == AlertPhase.Pending && now >= s.FiresAt)
        {
            s = s with { Phase = AlertPhase.Firing, TriggerTime = now, GoodRounds = 0 };
            changes |= AlertChanges.Fired;
            if (!s.IsSilencedAt(now) && OutsideSilencePeriod(policy, s, now))
                notification = AlertNotificationKind.Fired;
        }
        else if (ReminderDue(policy, s, now))
        {
            notification = AlertNotificationKind.Reminder;
        }

        if (notification != AlertNotificationKind.None)
            s = s with { LastNotifiedAt = now, Announced = true };
        return new AlertStep(s, changes, notification);
    }

    /// <summary>Time passes without a sample: fires due pending events, ends silences, sends due reminders.</summary>
    public static AlertStep Tick(AlertPolicy policy, AlertState state, DateTime now) => Next(policy, state, null, now);

    /// <summary>Acknowledging touches nothing but the acknowledgement (which stops reminders).</summary>
    public static AlertState Acknowledge(AlertState state) => state with { Acknowledged = true };

    /// <exception cref="InvalidOperationException">The state has no open event.</exception>
    public static AlertState Silence(AlertState state, DateTime until, bool notifyOnResolve)
    {
        if (!state.IsOpen) throw new InvalidOperationException("only an open event can be silenced");
        return state with { SilenceUntil = until, NotifyOnResolve = notifyOnResolve };
    }

    /// <summary>Ends a silence now, exactly as if it had run out: the event is firing again and a due reminder goes out.</summary>
    public static AlertStep LiftSilence(AlertPolicy policy, AlertState state, DateTime now) =>
        Tick(policy, state with { SilenceUntil = now }, now);

    /// <summary>Closes an event whose rule went away (deleted, disabled, target removed); nobody is notified.</summary>
    public static AlertStep Retire(AlertState state) =>
        new(Closed(state), state.IsOpen ? AlertChanges.Resolved : AlertChanges.None, AlertNotificationKind.None);

    private static AlertStep Resolve(AlertState s, AlertChanges changes, DateTime now)
    {
        var announce = s.Announced && (!s.IsSilencedAt(now) || s.NotifyOnResolve);
        // A recovery notice does not count for silence_period: that limits repeated alarms, not good news.
        return new AlertStep(Closed(s), changes | AlertChanges.Resolved, announce ? AlertNotificationKind.Resolved : AlertNotificationKind.None);
    }

    /// <summary>Back to Ok; only the time of the last notification outlives an event, because silence_period spans events.</summary>
    private static AlertState Closed(AlertState s) => AlertState.Initial with { LastNotifiedAt = s.LastNotifiedAt };

    private static bool OutsideSilencePeriod(AlertPolicy policy, AlertState s, DateTime now) =>
        s.LastNotifiedAt is not { } last || (now - last).TotalSeconds >= policy.SilencePeriodSeconds;

    private static bool ReminderDue(AlertPolicy policy, AlertState s, DateTime now)
    {
        if (s.Phase != AlertPhase.Firing || s.Acknowledged || s.IsSilencedAt(now)) return false;
        // Never told (the fire fell into a silence or into silence_period): tell as soon as that allows.
        if (!s.Announced) return OutsideSilencePeriod(policy, s, now);
        return policy.SilencePeriodSeconds > 0 && OutsideSilencePeriod(policy, s, now);
    }
}
