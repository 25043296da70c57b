using ProbeDashboard.Ui.Time;

namespace ProbeDashboard.Tests.Ui;

/// <summary>The time-zone cookie the browser sets on every page: times are local from the first render after sign-in.</summary>
public sealed class BrowserClockTests
{
    [Fact]
    public void The_cookie_s_zone_is_used_from_the_start_and_a_malformed_cookie_leaves_times_in_UTC()
    {
        var utc = new DateTime(2026, 12, 7, 4, 0, 0, DateTimeKind.Utc);
        using var shanghai = new BrowserClock(TimeProvider.System);
        shanghai.StartFrom("Asia/Shanghai|-480");
        Assert.True(shanghai.KnowsTimeZone);
        Assert.Equal(utc.AddHours(8), shanghai.ToLocal(utc));

        // A browser without zone names still sends its offset.
        using var offsetOnly = new BrowserClock(TimeProvider.System);
        offsetOnly.StartFrom("|-60");
        Assert.Equal(utc.AddHours(1), offsetOnly.ToLocal(utc));

        foreach (var broken in new[] { null, "", "Asia/Shanghai", "Asia/Shanghai|soon" })
        {
            using var clock = new BrowserClock(TimeProvider.System);
            clock.StartFrom(broken);
            Assert.False(clock.KnowsTimeZone);
            Assert.Equal(utc, clock.ToLocal(utc));
        }
    }
}
