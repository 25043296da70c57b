using Bunit;
using ProbeDashboard.Ui.Time;

namespace ProbeDashboard.Tests.Components.Ui;

/// <summary>
/// What the browser's once-a-second tick (app.js) reads: each label's instant in UTC and whether it says "ago" or a
/// duration, and the page's wording in its language with the server's clock.
/// </summary>
public sealed class RelativeTimeTests : ComponentTest
{
    [Fact]
    public void A_label_carries_its_instant_in_utc_and_its_kind_for_the_browser_to_tick()
    {
        // A time read back from SQLite has no kind; it is UTC all the same, and the browser must not take it as local.
        var probed = DateTime.SpecifyKind(DateTime.UtcNow.AddSeconds(-12), DateTimeKind.Unspecified);

        var ago = Ctx.Render<RelativeTime>(p => p.Add(c => c.Value, probed));
        var since = Ctx.Render<RelativeTime>(p => p.Add(c => c.Value, probed).Add(c => c.AsDuration, true));

        var label = ago.Find("time");
        Assert.Equal(probed.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) + "Z", label.GetAttribute("datetime"));
        Assert.Equal("ago", label.GetAttribute("data-relative"));
        Assert.Matches(@"^1[2-9] s ago$", label.TextContent);
        Assert.Equal("duration", since.Find("time").GetAttribute("data-relative"));
        Assert.Matches(@"^1[2-9] s$", since.Find("time").TextContent);
    }

    [Fact]
    public void Never_probed_is_plain_text_that_nothing_ticks()
    {
        var never = Ctx.Render<RelativeTime>(p => p.Add(c => c.Value, (DateTime?)null));

        Assert.Empty(never.FindAll("[data-relative]"));
        Assert.Equal("never", never.Find("span").TextContent);
    }

    [Theory]
    [InlineData("en", "{0} ago", "{0} s", "{0} h {1} min")]
    [InlineData("zh-Hans", "{0}前", "{0} 秒", "{0} 小时 {1} 分")]
    public void The_page_carries_the_wording_in_its_language_and_the_servers_clock(string culture, string ago, string seconds, string hoursMinutes)
    {
        UseCulture(culture);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var meta = Ctx.Render<RelativeTimeWording>().Find("meta[name=probedashboard-relative-time]");

        Assert.Equal(ago, meta.GetAttribute("data-ago"));
        Assert.Equal(seconds, meta.GetAttribute("data-seconds"));
        Assert.Equal(hoursMinutes, meta.GetAttribute("data-hours-minutes"));
        Assert.InRange(long.Parse(meta.GetAttribute("data-now")!), before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }
}
