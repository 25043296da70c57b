using Bunit;
using ProbeDashboard.Alerts.Feed;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>The feed's settings (kept in the browser) and the navigation's count of firing, unacknowledged alerts.</summary>
public class FeedSettingsAndBadgeTests : AlertComponentTest, IClassFixture<AlertTestFactory>
{
    public FeedSettingsAndBadgeTests(AlertTestFactory factory) : base(factory) { }

    [Fact]
    public void Unticking_a_level_saves_the_feed_preferences_without_it()
    {
        Ctx.JSInterop.Setup<AlertFeedPreferences.Stored?>("probeDashboard.alertFeed.load")
            .SetResult(new AlertFeedPreferences.Stored([AlertLevel.Critical, AlertLevel.Warning, AlertLevel.Info], false, false));
        var save = Ctx.JSInterop.SetupVoid("probeDashboard.alertFeed.save", _ => true);
        var settings = Ctx.Render<AlertFeedSettings>();

        settings.WaitForElement(".feed-options");
        settings.OnRenderer(() => settings.FindAll(".feed-options label").Single(l => l.TextContent.Trim() == "Warning").QuerySelector("input[type=checkbox]")!.Change(false));

        var stored = (AlertFeedPreferences.Stored)save.Invocations.Single().Arguments[0]!;
        Assert.DoesNotContain(AlertLevel.Warning, stored.Levels!);
        Assert.Contains(AlertLevel.Critical, stored.Levels!);
    }

    [Fact]
    public async Task The_badge_counts_firing_unacknowledged_alerts_for_readers_and_shows_nothing_when_signed_out()
    {
        await FiringAsync(Unique("badge"));
        var badge = Ctx.Render<FiringAlertBadge>();
        badge.WaitForAssertion(() => Assert.Matches("^[0-9]+ firing, unacknowledged$", badge.Find(".nav-alert-badge").GetAttribute("title")));

        SignOut();
        Assert.Empty(Ctx.Render<FiringAlertBadge>().FindAll(".nav-alert-badge"));
    }
}
