using Cronos;

namespace ProbeDashboard.Core.Push;

/// <summary>
/// The deadlines of one push monitor: a ping is expected by each slot (the last ping plus the period, or the next
/// cron slot after it) plus the grace. Pure calendar arithmetic on UTC times, truncated to whole milliseconds so a
/// deadline read back from either database compares equal to the one written.
/// </summary>
public sealed class PushSchedule
{
    private readonly TimeSpan? _period;
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;

    private PushSchedule(TimeSpan? period, CronExpression? cron, TimeZoneInfo zone, TimeSpan grace)
    {
        (_period, _cron, _zone, Grace) = (period, cron, zone, grace);
    }

    public TimeSpan Grace { get; }

    /// <summary>The schedule of validated options (see <see cref="PushRules"/>).</summary>
    public static PushSchedule Of(PushProbeOptions options) => options.Cron is { } cron
        ? new PushSchedule(null, PushCron.Parse(cron), PushCron.FindZone(options.TimeZone) ?? TimeZoneInfo.Utc, TimeSpan.FromSeconds(options.GraceSeconds))
        : new PushSchedule(TimeSpan.FromSeconds(Math.Max(1, options.PeriodSeconds ?? 0)), null, TimeZoneInfo.Utc, TimeSpan.FromSeconds(options.GraceSeconds));

    /// <summary>The slot a ping is next expected for, strictly after <paramref name="after"/>.</summary>
    public DateTime NextSlotAfter(DateTime after)
    {
        if (_period is { } period) return Trim(after + period);
        // A validated expression always has a next slot; MaxValue only guards a schedule that can never fire.
        return Trim(_cron!.GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), _zone) ?? DateTime.MaxValue.AddYears(-1));
    }

    /// <summary>The deadline after a finished run (a success or failure ping) at <paramref name="at"/>, or after the monitor was (re)armed.</summary>
    public DateTime DeadlineAfterPing(DateTime at) => NextSlotAfter(at) + Grace;

    /// <summary>
    /// The first deadline after <paramref name="now"/> that follows <paramref name="missed"/>: the next period or
    /// slot. Periods that went by while nobody looked (the server was down) are skipped, so a miss is judged once.
    /// </summary>
    public DateTime DeadlineAfterMiss(DateTime missed, DateTime now)
    {
        if (_period is { } period)
        {
            var periods = Math.Max(1, (now - missed).Ticks / period.Ticks + 1);
            return Trim(missed + TimeSpan.FromTicks(period.Ticks * periods));
        }
        var slot = NextSlotAfter(missed - Grace);
        if (slot + Grace > now) return slot + Grace;
        // The first slot whose deadline is still ahead: slot + grace > now.
        return NextSlotAfter(now - Grace) + Grace;
    }

    public static DateTime Trim(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
