using ProbeDashboard.Core.Maintenance;

namespace ProbeDashboard.Tests.Core.Maintenance;

/// <summary>When a window is active, as a function of the clock: one-off, cron across a DST change, weekly, bounds.</summary>
public class MaintenanceScheduleTests
{
    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static MaintenanceWindow Window(MaintenanceWindowInput input)
    {
        Assert.Empty(input.Validate());
        var window = new MaintenanceWindow();
        input.ApplyTo(window);
        return window;
    }

    private static MaintenanceWindowInput Once(string start, string end) =>
        new("patch", null, [1], null, "once", Utc(start), Utc(end), null, null, null, null, null, null, null, true);

    private static MaintenanceWindowInput Cron(string cron, int minutes, string zone, DateTime? from = null, DateTime? until = null) =>
        new("nightly", null, [1], null, "cron", null, null, cron, null, null, minutes, zone, from, until, true);

    [Theory]
    [InlineData("2026-03-01T01:59:59", false)]
    [InlineData("2026-03-01T02:00:00", true)]
    [InlineData("2026-03-01T03:59:59", true)]
    [InlineData("2026-03-01T04:00:00", false)]
    public void A_one_off_window_is_active_from_its_start_until_just_before_its_end(string at, bool active)
    {
        var schedule = Window(Once("2026-03-01T02:00:00", "2026-03-01T04:00:00")).Schedule;
        Assert.Equal(active, schedule.ActiveAt(Utc(at)) is not null);
    }

    [Theory]
    // Europe/Berlin, 29 March 2026: 02:00 local is skipped (clocks jump to 03:00, UTC+2). The 02:30 start happens at the jump.
    [InlineData("2026-03-28T01:29:59", false)] // 02:29:59 CET
    [InlineData("2026-03-28T01:30:00", true)]  // 02:30 CET
    [InlineData("2026-03-28T02:29:59", true)]
    [InlineData("2026-03-28T02:30:00", false)]
    [InlineData("2026-03-29T00:59:59", false)] // 01:59:59 CET, just before the jump
    [InlineData("2026-03-29T01:00:00", true)]  // 03:00 CEST: the skipped 02:30 start happens here
    [InlineData("2026-03-29T01:59:59", true)]
    [InlineData("2026-03-29T02:00:00", false)]
    [InlineData("2026-03-30T00:30:00", true)]  // 02:30 CEST the day after
    [InlineData("2026-03-30T00:29:59", false)]
    public void A_daily_cron_window_follows_local_time_across_the_spring_dst_change(string at, bool active)
    {
        var schedule = Window(Cron("30 2 * * *", 60, "Europe/Berlin")).Schedule;
        Assert.Equal(active, schedule.ActiveAt(Utc(at)) is not null);
    }

    [Fact]
    public void A_cron_window_in_the_repeated_autumn_hour_starts_once()
    {
        // 25 October 2026, Europe/Berlin: 02:00-03:00 local happens twice (00:00-01:00 UTC in CEST, 01:00-02:00 UTC in CET).
        var schedule = Window(Cron("30 2 * * *", 30, "Europe/Berlin")).Schedule;
        Assert.NotNull(schedule.ActiveAt(Utc("2026-10-25T00:45:00")));
        Assert.Null(schedule.ActiveAt(Utc("2026-10-25T01:45:00")));
        Assert.Equal(Utc("2026-10-26T01:30:00"), schedule.CurrentOrNext(Utc("2026-10-25T01:45:00"))!.Value.Start);
    }

    [Fact]
    public void A_weekly_window_runs_on_its_days_at_its_local_time_and_reports_the_next_start()
    {
        var window = Window(new MaintenanceWindowInput("sunday patching", null, [1], null, "weekly", null, null, null, ["sun", "Wednesday"], "22:00", 120,
            "America/New_York", null, null, true));
        var schedule = window.Schedule;
        // Sunday 6 Dec 2026 22:00 EST = Monday 03:00 UTC; the occurrence spills past midnight.
        Assert.NotNull(schedule.ActiveAt(Utc("2026-12-07T03:00:00")));
        Assert.NotNull(schedule.ActiveAt(Utc("2026-12-07T04:59:00")));
        Assert.Null(schedule.ActiveAt(Utc("2026-12-07T05:00:00")));
        Assert.Null(schedule.ActiveAt(Utc("2026-12-08T03:30:00"))); // Monday night
        var next = schedule.CurrentOrNext(Utc("2026-12-07T05:00:00"))!.Value;
        Assert.Equal((Utc("2026-12-10T03:00:00"), Utc("2026-12-10T05:00:00")), (next.Start, next.End)); // Wednesday 22:00 EST
        Assert.Equal(["sun", "wed"], MaintenanceWindowInput.Of(window).WeekDays);
        Assert.Equal("22:00", MaintenanceWindowInput.Of(window).StartTime);
    }

    [Fact]
    public void Active_from_and_until_bound_a_recurring_window_and_a_disabled_window_is_never_active()
    {
        var window = Window(Cron("0 * * * *", 10, "UTC", from: Utc("2026-05-01T00:00:00"), until: Utc("2026-05-02T00:00:00")));
        Assert.Null(window.Schedule.ActiveAt(Utc("2026-04-30T23:05:00")));
        Assert.NotNull(window.Schedule.ActiveAt(Utc("2026-05-01T12:05:00")));
        Assert.Null(window.Schedule.ActiveAt(Utc("2026-05-02T00:05:00")));
        Assert.Equal(Utc("2026-05-01T00:00:00"), window.Schedule.CurrentOrNext(Utc("2026-04-01T00:00:00"))!.Value.Start);
        Assert.Null(window.Schedule.CurrentOrNext(Utc("2026-05-02T00:00:00")));

        window.Enabled = false;
        Assert.Null(window.Schedule.ActiveAt(Utc("2026-05-01T12:05:00")));
        Assert.Null(window.Schedule.CurrentOrNext(Utc("2026-04-01T00:00:00")));
    }

    [Theory]
    [InlineData("once", null, null, "end")]
    [InlineData("cron", "61 * * * *", null, "cron")]
    [InlineData("cron", "0 2 * *", null, "cron")]
    [InlineData("cron", "0 2 * * *", "Mars/Olympus", "timezone")]
    [InlineData("weekly", null, null, "week_days")]
    [InlineData("hourly", null, null, "schedule")]
    public void Bad_schedules_are_refused_naming_the_field(string kind, string? cron, string? zone, string field)
    {
        var input = new MaintenanceWindowInput("t", null, [1], null, kind, Utc("2026-01-02T00:00:00"), Utc("2026-01-01T00:00:00"), cron, null, "02:00",
            60, zone, null, null, true);
        Assert.Contains(field, input.Validate().Keys);
    }
}
