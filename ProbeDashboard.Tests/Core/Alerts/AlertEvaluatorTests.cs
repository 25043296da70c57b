using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Evaluation;

namespace ProbeDashboard.Tests.Core.Alerts;

/// <summary>The state machine as sequences of samples at given instants.</summary>
public class AlertEvaluatorTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime At(int seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void Pending_on_first_breach_firing_after_duration_resolved_when_it_stops_holding()
    {
        var policy = new AlertPolicy(DurationSeconds: 300);
        var step = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0));
        Assert.Equal(AlertChanges.Opened, step.Changes);
        Assert.Equal(AlertEventStatus.Pending, step.State.StatusAt(At(0)));
        Assert.Equal(At(300), step.State.FiresAt);

        step = AlertEvaluator.Next(policy, step.State, true, At(299));
        Assert.Equal(AlertPhase.Pending, step.State.Phase);
        step = AlertEvaluator.Next(policy, step.State, true, At(300));
        Assert.Equal(AlertChanges.Fired, step.Changes);
        Assert.Equal(AlertNotificationKind.Fired, step.Notification);
        Assert.Equal(At(300), step.State.TriggerTime);

        step = AlertEvaluator.Next(policy, step.State, false, At(360));
        Assert.Equal(AlertChanges.Resolved, step.Changes);
        Assert.Equal(AlertNotificationKind.Resolved, step.Notification);
        Assert.False(step.State.IsOpen);
    }

    [Fact]
    public void Duration_zero_fires_at_once_and_a_tick_fires_a_due_pending_alert()
    {
        var now = AlertEvaluator.Next(new AlertPolicy(0), AlertState.Initial, true, At(0));
        Assert.Equal(AlertChanges.Opened | AlertChanges.Fired, now.Changes);

        var policy = new AlertPolicy(60);
        var pending = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        Assert.Equal(AlertChanges.None, AlertEvaluator.Tick(policy, pending, At(59)).Changes);
        Assert.Equal(AlertChanges.Fired, AlertEvaluator.Tick(policy, pending, At(60)).Changes);
    }

    [Fact]
    public void A_pending_alert_that_clears_is_discarded_without_notification_and_unknown_samples_change_nothing()
    {
        var policy = new AlertPolicy(60);
        var pending = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        var unknown = AlertEvaluator.Next(policy, pending, null, At(30));
        Assert.False(unknown.Changed);
        var cleared = AlertEvaluator.Next(policy, unknown.State, false, At(40));
        Assert.Equal(AlertChanges.Discarded, cleared.Changes);
        Assert.Equal(AlertNotificationKind.None, cleared.Notification);
    }

    [Fact]
    public void Recover_threshold_needs_that_many_good_rounds_in_a_row()
    {
        var policy = new AlertPolicy(0, RecoverThreshold: 3);
        var s = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        s = AlertEvaluator.Next(policy, s, false, At(10)).State;
        s = AlertEvaluator.Next(policy, s, false, At(20)).State;
        s = AlertEvaluator.Next(policy, s, true, At(30)).State;
        Assert.Equal(0, s.GoodRounds);
        s = AlertEvaluator.Next(policy, s, false, At(40)).State;
        s = AlertEvaluator.Next(policy, s, false, At(50)).State;
        Assert.True(s.IsOpen);
        var step = AlertEvaluator.Next(policy, s, false, At(60));
        Assert.True(step.Changes.HasFlag(AlertChanges.Resolved));
    }

    [Fact]
    public void Silence_period_suppresses_a_second_fire_notification_and_reminds_when_it_is_over()
    {
        var policy = new AlertPolicy(0, SilencePeriodSeconds: 600);
        var s = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        s = AlertEvaluator.Next(policy, s, false, At(100)).State;
        var again = AlertEvaluator.Next(policy, s, true, At(200));
        Assert.Equal(AlertNotificationKind.None, again.Notification);
        Assert.Equal(AlertNotificationKind.None, AlertEvaluator.Tick(policy, again.State, At(599)).Notification);
        var reminder = AlertEvaluator.Tick(policy, again.State, At(600));
        Assert.Equal(AlertNotificationKind.Reminder, reminder.Notification);
        Assert.Equal(AlertNotificationKind.None, AlertEvaluator.Tick(policy, reminder.State, At(1199)).Notification);
        Assert.Equal(AlertNotificationKind.Reminder, AlertEvaluator.Tick(policy, reminder.State, At(1200)).Notification);
    }

    [Fact]
    public void Acknowledged_events_get_no_reminders_but_their_recovery_is_announced()
    {
        var policy = new AlertPolicy(0, SilencePeriodSeconds: 60);
        var s = AlertEvaluator.Acknowledge(AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State);
        Assert.Equal(AlertNotificationKind.None, AlertEvaluator.Tick(policy, s, At(3600)).Notification);
        Assert.Equal(AlertNotificationKind.Resolved, AlertEvaluator.Next(policy, s, false, At(3600)).Notification);
    }

    [Fact]
    public void Silence_mutes_until_it_ends_then_the_event_is_firing_again_and_reminds()
    {
        var policy = new AlertPolicy(0);
        var s = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        s = AlertEvaluator.Silence(s, At(3600), notifyOnResolve: true);
        Assert.Equal(AlertEventStatus.Silenced, s.StatusAt(At(10)));
        Assert.False(AlertEvaluator.Tick(policy, s, At(3599)).Changed);
        var ended = AlertEvaluator.Tick(policy, s, At(3600));
        Assert.Equal(AlertChanges.SilenceEnded, ended.Changes);
        Assert.Equal(AlertEventStatus.Firing, ended.State.StatusAt(At(3600)));
    }

    [Fact]
    public void A_silence_never_hides_a_recovery_and_only_mutes_it_when_asked()
    {
        var policy = new AlertPolicy(0);
        var firing = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        var loud = AlertEvaluator.Next(policy, AlertEvaluator.Silence(firing, At(3600), true), false, At(60));
        Assert.Equal((AlertChanges.Resolved, AlertNotificationKind.Resolved), (loud.Changes, loud.Notification));
        var quiet = AlertEvaluator.Next(policy, AlertEvaluator.Silence(firing, At(3600), false), false, At(60));
        Assert.Equal((AlertChanges.Resolved, AlertNotificationKind.None), (quiet.Changes, quiet.Notification));
    }

    [Fact]
    public void Lifting_a_silence_early_announces_an_alert_that_fired_during_it()
    {
        var policy = new AlertPolicy(30);
        var s = AlertEvaluator.Next(policy, AlertState.Initial, true, At(0)).State;
        s = AlertEvaluator.Silence(s, At(3600), true);
        var fired = AlertEvaluator.Next(policy, s, true, At(30));
        Assert.Equal((AlertChanges.Fired, AlertNotificationKind.None), (fired.Changes, fired.Notification));
        var lifted = AlertEvaluator.LiftSilence(policy, fired.State, At(100));
        Assert.Equal((AlertChanges.SilenceEnded, AlertNotificationKind.Reminder), (lifted.Changes, lifted.Notification));
        Assert.Equal(AlertEventStatus.Firing, lifted.State.StatusAt(At(100)));
    }
}
