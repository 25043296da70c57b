using FsCheck;
using FsCheck.Fluent;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Tests.Core.Probing;

public class ProbeScheduleTests
{
    [Fact]
    public void Offset_is_deterministic_and_inside_the_interval()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), Gen.Choose(1, 86_400).ToArbitrary(), (id, interval) =>
        {
            var offset = ProbeSchedule.OffsetMs(id, interval);
            return offset >= 0 && offset < interval * 1000L && offset == ProbeSchedule.OffsetMs(id, interval);
        }));
    }

    [Fact]
    public void Ten_thousand_monitors_at_30s_spread_evenly_over_every_second()
    {
        var perSecond = new int[30];
        for (var id = 1; id <= 10_000; id++)
            perSecond[ProbeSchedule.OffsetMs(id, 30) / 1000]++;

        // 333 a second on average; consecutive ids land almost exactly evenly.
        Assert.All(perSecond, count => Assert.InRange(count, 323, 343));
    }

    [Fact]
    public void Scattered_ids_still_spread_well()
    {
        var perSecond = new int[60];
        var random = new Random(42);
        for (var i = 0; i < 6_000; i++)
            perSecond[ProbeSchedule.OffsetMs(random.Next(1, int.MaxValue), 60) / 1000]++;

        Assert.All(perSecond, count => Assert.InRange(count, 60, 145));
    }

    [Fact]
    public void First_fire_is_the_next_instant_on_the_monitors_phase()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), Gen.Choose(1, 3600).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (id, interval, secondsSinceEpoch) =>
            {
                var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000L + secondsSinceEpoch * 7L);
                var first = ProbeSchedule.FirstFireAt(id, interval, now);
                var ms = first.ToUnixTimeMilliseconds();
                return first >= now && first < now.AddSeconds(interval) && ms % (interval * 1000L) == ProbeSchedule.OffsetMs(id, interval);
            }));
    }

    [Fact]
    public void A_reschedule_keeps_the_rhythm_of_the_first_schedule()
    {
        var start = new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
        var first = ProbeSchedule.FirstFireAt(17, 30, start);
        var later = ProbeSchedule.FirstFireAt(17, 30, start.AddMinutes(7).AddMilliseconds(123));

        Assert.Equal(0, (later - first).TotalMilliseconds % 30_000);
    }
}
