using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Tests.Core.Push;

public class PushScheduleTests
{
    private static readonly DateTime At = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_period_deadline_is_the_last_ping_plus_period_plus_grace()
    {
        var schedule = PushSchedule.Of(new PushProbeOptions { PeriodSeconds = 300, GraceSeconds = 60 });

        Assert.Equal(At.AddSeconds(360), schedule.DeadlineAfterPing(At));
    }

    [Fact]
    public void After_a_miss_the_next_deadline_is_one_period_later_and_periods_nobody_watched_are_skipped()
    {
        var schedule = PushSchedule.Of(new PushProbeOptions { PeriodSeconds = 300, GraceSeconds = 60 });
        var missed = At.AddSeconds(360);

        Assert.Equal(missed.AddSeconds(300), schedule.DeadlineAfterMiss(missed, missed.AddSeconds(1)));
        // The server was down for an hour: one miss is judged, the next deadline is the first still ahead.
        Assert.Equal(missed.AddSeconds(3900), schedule.DeadlineAfterMiss(missed, missed.AddHours(1)));
    }

    [Fact]
    public void A_cron_slot_is_in_its_time_zone_across_the_spring_daylight_saving_change()
    {
        // 03:00 in Berlin: 02:00 UTC in winter (CET), 01:00 UTC from 29 March 2026 (CEST).
        var schedule = PushSchedule.Of(new PushProbeOptions { Cron = "0 3 * * *", TimeZone = "Europe/Berlin", GraceSeconds = 600 });
        var pingSaturday = new DateTime(2026, 3, 28, 2, 5, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 3, 29, 1, 10, 0, DateTimeKind.Utc), schedule.DeadlineAfterPing(pingSaturday));
        var missedSunday = new DateTime(2026, 3, 29, 1, 10, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 3, 30, 1, 10, 0, DateTimeKind.Utc), schedule.DeadlineAfterMiss(missedSunday, missedSunday.AddSeconds(5)));
    }

    [Fact]
    public void A_cron_slot_in_the_hour_that_does_not_exist_fires_when_the_clocks_jump()
    {
        var schedule = PushSchedule.Of(new PushProbeOptions { Cron = "30 2 * * *", TimeZone = "Europe/Berlin", GraceSeconds = 0 });

        // 02:30 does not exist on 29 March in Berlin; the run is expected at 03:00 CEST = 01:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc),
            schedule.NextSlotAfter(new DateTime(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_cron_miss_after_downtime_moves_to_the_first_slot_still_ahead()
    {
        var schedule = PushSchedule.Of(new PushProbeOptions { Cron = "0 * * * *", GraceSeconds = 120 });
        var missed = new DateTime(2026, 3, 1, 10, 2, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 3, 1, 14, 2, 0, DateTimeKind.Utc),
            schedule.DeadlineAfterMiss(missed, new DateTime(2026, 3, 1, 13, 30, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("0 3 * * *", null)]
    [InlineData("*/15 8-18 * * 1-5", null)]
    [InlineData("0 3 * *", "must have 5 fields")]
    [InlineData("0 25 * * *", "field 2 (hour) '25' at position 3")]
    [InlineData("0 3 * * mon-xyz", "field 5 (day of week) 'mon-xyz' at position 9")]
    [InlineData("61 3 * * *", "field 1 (minute) '61' at position 1")]
    public void A_cron_problem_names_the_field_and_its_position(string cron, string? expected)
    {
        var problem = PushCron.Problem(cron);

        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
    }

    [Fact]
    public void Tokens_are_32_url_safe_characters_and_differ()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => PushTokens.New()).ToList();

        Assert.All(tokens, t => Assert.True(PushTokens.LooksValid(t), t));
        Assert.Equal(50, tokens.Distinct().Count());
        Assert.False(PushTokens.LooksValid("short"));
        Assert.False(PushTokens.LooksValid(new string('a', 31) + "/"));
    }
}
