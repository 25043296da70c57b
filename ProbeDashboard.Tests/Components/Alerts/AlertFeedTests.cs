using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Alerts.Feed;
using AlertFeed = ProbeDashboard.Alerts.Feed.AlertFeed;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>The live feed's toasts: bus changes become snackbars, the level filter holds them back, a burst collapses.</summary>
public class AlertFeedTests : AlertComponentTest, IClassFixture<AlertTestFactory>
{
    private static long _ids = 9_000_000;

    public AlertFeedTests(AlertTestFactory factory) : base(factory) { }

    private void Prefer(params AlertLevel[] levels) =>
        Ctx.JSInterop.Setup<AlertFeedPreferences.Stored?>("probeDashboard.alertFeed.load").SetResult(new AlertFeedPreferences.Stored(levels, false, false));

    private void Publish(AlertEventChange change, string title, AlertLevel level = AlertLevel.Critical) =>
        Factory.Services.GetRequiredService<EventBus>().Publish(new AlertEventChanged(change, new AlertEventSummary(
            Interlocked.Increment(ref _ids), null, "rule", AlertTargetType.Service, 1, "web-1", level, AlertEventStatus.Firing, title, "",
            DateTime.UtcNow, DateTime.UtcNow, null, null, false)));

    /// <summary>
    /// Renders the feed and waits until it listens to the bus: what is published before that is not announced. Its
    /// toasts outlive the test: on a busy machine the default 12 s ran out for an early toast before the test's last
    /// alert came, and a toast gone by itself leaves room that changes what is folded.
    /// </summary>
    private IRenderedComponent<AlertFeed> RenderFeed()
    {
        var bus = Factory.Services.GetRequiredService<EventBus>();
        var before = bus.SubscriberCount;
        var feed = Ctx.Render<AlertFeed>(p => p.Add(f => f.ToastDuration, TimeSpan.FromMinutes(5)));
        feed.WaitForState(() => bus.SubscriberCount > before);
        return feed;
    }

    private static IReadOnlyList<string> Toasts(IRenderedComponent<MudBlazor.MudSnackbarProvider> snackbars) =>
        snackbars.FindAll(".mud-snackbar-content-message").Select(m => m.TextContent.Trim()).ToList();

    [Fact]
    public void A_fired_and_a_resolved_alert_become_toasts_with_the_target_and_a_way_to_open_them()
    {
        Prefer(AlertLevel.Critical, AlertLevel.Warning, AlertLevel.Info);
        var snackbars = RenderSnackbars();
        var feed = RenderFeed();
        var title = Unique("checkout down");

        Publish(AlertEventChange.Fired, title);
        Publish(AlertEventChange.Resolved, title);

        snackbars.WaitForAssertion(() => Assert.Equal(2, Toasts(snackbars).Count));
        Assert.Contains(Toasts(snackbars), t => t.StartsWith($"Alert fired: {title}") && t.Contains("web-1"));
        Assert.Contains(Toasts(snackbars), t => t.StartsWith($"Alert resolved: {title}"));
        Assert.All(snackbars.FindAll(".alert-toast"), toast => Assert.NotNull(toast.QuerySelector("button[aria-label]")));
        Assert.NotNull(feed);
    }

    [Fact]
    public void The_level_filter_keeps_unwanted_levels_and_other_changes_out_of_the_toasts()
    {
        Prefer(AlertLevel.Critical);
        var snackbars = RenderSnackbars();
        RenderFeed();

        Publish(AlertEventChange.Fired, "only a warning", AlertLevel.Warning);
        Publish(AlertEventChange.Acknowledged, "acknowledged, not announced");
        Publish(AlertEventChange.Fired, "critical one");

        snackbars.WaitForAssertion(() => Assert.Single(Toasts(snackbars)));
        Assert.StartsWith("Alert fired: critical one", Toasts(snackbars)[0]);
    }

    [Fact]
    public void A_burst_stacks_at_most_three_toasts_with_one_n_more_toast_that_opens_the_list()
    {
        Prefer(AlertLevel.Critical);
        var snackbars = RenderSnackbars();
        RenderFeed();

        for (var i = 1; i <= 5; i++) Publish(AlertEventChange.Fired, $"burst {i}");

        snackbars.WaitForAssertion(() => Assert.Contains("3 more alerts", Toasts(snackbars)));
        var shown = Toasts(snackbars);
        Assert.Equal(3, shown.Count);
        Assert.Contains(shown, t => t.StartsWith("Alert fired: burst 5"));
        Assert.Contains(shown, t => t.StartsWith("Alert fired: burst 4"));

        snackbars.OnRenderer(() => snackbars.FindAll(".alert-toast-more").Single().QuerySelector(".mud-snackbar-content-action button")!.Click());
        var navigation = Ctx.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        snackbars.WaitForAssertion(() => Assert.EndsWith("/alerts", navigation.Uri));
    }

    [Fact]
    public void Dismissing_the_n_more_toast_starts_the_count_again()
    {
        Prefer(AlertLevel.Critical);
        var snackbars = RenderSnackbars();
        RenderFeed();
        for (var i = 1; i <= 4; i++) Publish(AlertEventChange.Fired, $"wave {i}");
        snackbars.WaitForAssertion(() => Assert.Contains("2 more alerts", Toasts(snackbars)));

        snackbars.OnRenderer(() => snackbars.Find(".alert-toast-more .mud-snackbar-close-button").Click());
        // The toast fades out before it goes.
        snackbars.WaitForAssertion(() => Assert.DoesNotContain(Toasts(snackbars), t => t.Contains("more alerts")), TimeSpan.FromSeconds(10));
        Publish(AlertEventChange.Fired, "wave 5");
        Publish(AlertEventChange.Fired, "wave 6");

        // Waves 3 and 4 fold away for wave 6: two more, not the four a count that never reset would say.
        snackbars.WaitForAssertion(() => Assert.Contains("2 more alerts", Toasts(snackbars)), TimeSpan.FromSeconds(10));
        Assert.Equal(3, Toasts(snackbars).Count);
    }
}
