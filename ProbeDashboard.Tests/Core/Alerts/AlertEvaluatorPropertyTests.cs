using FsCheck;
using FsCheck.Fluent;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Evaluation;

namespace ProbeDashboard.Tests.Core.Alerts;

/// <summary>
/// Invariants of the state machine over random policies and random histories of samples, ticks and operator
/// actions. Each test replays the history and checks every step.
/// </summary>
public class AlertEvaluatorPropertyTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    public enum OpKind { Breached, Good, Unknown, Tick, Silence, LiftSilence, Acknowledge }

    public sealed record Op(int AfterSeconds, OpKind Kind, int SilenceSeconds, bool NotifyOnResolve);

    public sealed record Scenario(AlertPolicy Policy, IReadOnlyList<Op> Ops);

    /// <summary>One replayed step: the op, the instant, the state before and the step taken.</summary>
    public sealed record Replayed(Op Op, DateTime Now, AlertState Before, AlertStep Step);

    private static readonly Gen<Op> OpGen =
        from after in Gen.Choose(0, 400)
        from kind in Gen.Frequency((5, Gen.Constant(OpKind.Breached)), (4, Gen.Constant(OpKind.Good)), (1, Gen.Constant(OpKind.Unknown)),
            (2, Gen.Constant(OpKind.Tick)), (1, Gen.Constant(OpKind.Silence)), (1, Gen.Constant(OpKind.LiftSilence)), (1, Gen.Constant(OpKind.Acknowledge)))
        from silence in Gen.Choose(1, 3600)
        from notify in Gen.Elements(true, false)
        select new Op(after, kind, silence, notify);

    private static readonly Arbitrary<Scenario> Scenarios = Arb.From(
        from duration in Gen.Elements(0, 0, 30, 300, 900)
        from recover in Gen.Choose(1, 4)
        from silencePeriod in Gen.Elements(0, 0, 120, 600)
        from ops in Gen.ListOf(OpGen, 60)
        select new Scenario(new AlertPolicy(duration, recover, silencePeriod), ops.ToList()));

    public static IEnumerable<Replayed> Replay(Scenario scenario)
    {
        var state = AlertState.Initial;
        var now = T0;
        foreach (var op in scenario.Ops)
        {
            now = now.AddSeconds(op.AfterSeconds);
            var step = op.Kind switch
            {
                OpKind.Breached => AlertEvaluator.Next(scenario.Policy, state, true, now),
                OpKind.Good => AlertEvaluator.Next(scenario.Policy, state, false, now),
                OpKind.Unknown => AlertEvaluator.Next(scenario.Policy, state, null, now),
                OpKind.Tick => AlertEvaluator.Tick(scenario.Policy, state, now),
                OpKind.Silence when state.IsOpen => new AlertStep(AlertEvaluator.Silence(state, now.AddSeconds(op.SilenceSeconds), op.NotifyOnResolve), AlertChanges.None, AlertNotificationKind.None),
                OpKind.LiftSilence when state.IsSilencedAt(now) => AlertEvaluator.LiftSilence(scenario.Policy, state, now),
                OpKind.Acknowledge when state.IsOpen => new AlertStep(AlertEvaluator.Acknowledge(state), AlertChanges.None, AlertNotificationKind.None),
                _ => new AlertStep(state, AlertChanges.None, AlertNotificationKind.None),
            };
            yield return new Replayed(op, now, state, step);
            state = step.State;
        }
    }

    private static void Holds(Func<Scenario, bool> property) =>
        Check.QuickThrowOnFailure(Prop.ForAll(Scenarios, property));

    [Fact]
    public void Never_fires_before_the_condition_has_held_for_the_duration()
    {
        Holds(scenario =>
        {
            DateTime? heldSince = null;
            foreach (var r in Replay(scenario))
            {
                if (r.Step.Changes.HasFlag(AlertChanges.Opened)) heldSince = r.Now;
                if (r.Step.Changes.HasFlag(AlertChanges.Fired) && (heldSince is null || (r.Now - heldSince.Value).TotalSeconds < scenario.Policy.DurationSeconds))
                    return false;
            }
            return true;
        });
    }

    [Fact]
    public void Never_two_open_events_for_one_rule_and_target()
    {
        Holds(scenario =>
        {
            var open = false;
            foreach (var r in Replay(scenario))
            {
                if (r.Step.Changes.HasFlag(AlertChanges.Opened)) { if (open) return false; open = true; }
                if (r.Step.Changes.HasFlag(AlertChanges.Resolved) || r.Step.Changes.HasFlag(AlertChanges.Discarded)) { if (!open) return false; open = false; }
                if (open != r.Step.State.IsOpen) return false;
            }
            return true;
        });
    }

    [Fact]
    public void A_silence_suppresses_notifications_and_ends_on_time()
    {
        Holds(scenario => Replay(scenario).All(r =>
        {
            var silenced = r.Before.IsSilencedAt(r.Now) && r.Op.Kind != OpKind.LiftSilence;
            var quiet = r.Step.Notification == AlertNotificationKind.None
                        || (r.Step.Notification == AlertNotificationKind.Resolved && r.Before.NotifyOnResolve);
            var endedOnTime = r.Before.SilenceUntil is not { } until || r.Now < until || r.Op.Kind == OpKind.Silence || r.Step.State.StatusAt(r.Now) != AlertEventStatus.Silenced;
            return (!silenced || quiet) && endedOnTime;
        }));
    }

    [Fact]
    public void Resolve_follows_exactly_recover_threshold_good_rounds_while_firing()
    {
        Holds(scenario =>
        {
            var good = 0;
            foreach (var r in Replay(scenario))
            {
                if (r.Before.Phase == AlertPhase.Firing && r.Op.Kind == OpKind.Good) good++;
                else if (r.Op.Kind == OpKind.Breached) good = 0;
                var resolved = r.Step.Changes.HasFlag(AlertChanges.Resolved);
                var due = r.Before.Phase == AlertPhase.Firing && r.Op.Kind == OpKind.Good && good >= scenario.Policy.RecoverThreshold;
                if (resolved != due) return false;
                if (resolved) good = 0;
            }
            return true;
        });
    }

    [Fact]
    public void Notifications_respect_silence_period_across_events()
    {
        Holds(scenario =>
        {
            DateTime? last = null;
            foreach (var r in Replay(scenario))
            {
                var n = r.Step.Notification;
                if (n is AlertNotificationKind.Fired or AlertNotificationKind.Reminder
                    && last is { } l && (r.Now - l).TotalSeconds < scenario.Policy.SilencePeriodSeconds)
                    return false;
                if (n is AlertNotificationKind.Fired or AlertNotificationKind.Reminder) last = r.Now;
            }
            return true;
        });
    }

    [Fact]
    public void Acknowledging_changes_nothing_but_the_acknowledgement()
    {
        Holds(scenario =>
        {
            var replay = Replay(scenario).ToList();
            foreach (var (r, i) in replay.Select((r, i) => (r, i)).Where(x => x.r.Step.State.IsOpen))
            {
                var acked = AlertEvaluator.Acknowledge(r.Step.State);
                if (acked != r.Step.State with { Acknowledged = true }) return false;
                var rest = new Scenario(scenario.Policy, scenario.Ops.Skip(i + 1).ToList());
                var plain = ReplayFrom(rest, r.Step.State, r.Now).TakeWhile(s => s.Before.IsOpen).ToList();
                var withAck = ReplayFrom(rest, acked, r.Now).TakeWhile(s => s.Before.IsOpen).ToList();
                if (!plain.Select(s => (s.Step.Changes, s.Step.State.Phase)).SequenceEqual(withAck.Select(s => (s.Step.Changes, s.Step.State.Phase))))
                    return false;
                if (withAck.Any(s => s.Step.Notification == AlertNotificationKind.Reminder && s.Step.State.Announced && s.Before.Announced))
                    return false;
            }
            return true;
        });
    }

    private static IEnumerable<Replayed> ReplayFrom(Scenario scenario, AlertState start, DateTime now)
    {
        var state = start;
        foreach (var op in scenario.Ops.Where(o => o.Kind is OpKind.Breached or OpKind.Good or OpKind.Unknown or OpKind.Tick))
        {
            now = now.AddSeconds(op.AfterSeconds);
            var step = AlertEvaluator.Next(scenario.Policy, state, op.Kind switch { OpKind.Breached => true, OpKind.Good => false, _ => null }, now);
            yield return new Replayed(op, now, state, step);
            state = step.State;
        }
    }
}
