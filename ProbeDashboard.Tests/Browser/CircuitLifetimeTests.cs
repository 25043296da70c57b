using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// Live pages listen to the in-process event bus through one hub for all circuits. Browsers come and go all day; when
/// they go, their listeners must go too, and the hub's queue with the last of them, or every closed tab would keep
/// work (and a queue filling up) forever.
/// </summary>
[Trait("Category", "Browser")]
public class CircuitLifetimeTests : IClassFixture<BrowserFixture>
{
    private const int Circuits = 12;
    private readonly BrowserFixture _fixture;

    public CircuitLifetimeTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Closing_many_live_pages_returns_the_event_bus_to_its_subscriber_baseline()
    {
        // Whatever the app's own services subscribe (scheduler, alerting) stays; only circuits come and go. Every open
        // circuit listens through the one dashboard hub, which holds one bus queue while any circuit listens.
        var bus = _fixture.App.Services.GetRequiredService<EventBus>();
        var hub = _fixture.App.Services.GetRequiredService<CircuitEventHub>();
        await WaitForAsync(() => hub.ListenerCount, count => count == 0, "earlier tests' circuits to go");
        var baseline = bus.SubscriberCount;
        var first = await _fixture.NewSignedInPageAsync();
        var context = first.Context;
        await WaitForAsync(() => hub.ListenerCount, count => count > 0, "the overview to listen");
        await WaitForAsync(() => bus.SubscriberCount, count => count == baseline + 1, "the hub to take one bus queue");
        await first.CloseAsync(new() { RunBeforeUnload = true });
        await WaitForAsync(() => hub.ListenerCount, count => count == 0, "the first page's circuit to go");
        await WaitForAsync(() => bus.SubscriberCount, count => count == baseline, "the hub to leave the bus");

        var pages = new List<Microsoft.Playwright.IPage>();
        foreach (var path in Enumerable.Range(0, Circuits).Select(i => i % 2 == 0 ? "/" : "/monitors"))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            pages.Add(page);
        }
        await WaitForAsync(() => hub.ListenerCount, count => count >= Circuits, "every live page to listen");
        // One queue for every open page, not one each.
        Assert.Equal(baseline + 1, bus.SubscriberCount);

        foreach (var page in pages) await page.CloseAsync(new() { RunBeforeUnload = true });
        await WaitForAsync(() => hub.ListenerCount, count => count == 0, "closed pages to stop listening");
        await WaitForAsync(() => bus.SubscriberCount, count => count == baseline, "the hub to leave the bus");
    }

    private static async Task WaitForAsync(Func<int> read, Func<int, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done(read()))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"Timed out waiting for {what}; subscriber count is {read()}.");
            await Task.Delay(100);
        }
    }
}
