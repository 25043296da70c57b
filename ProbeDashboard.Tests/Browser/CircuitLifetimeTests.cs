using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// Live pages subscribe to the in-process event bus per circuit. Browsers come and go all day; when they go,
/// their subscriptions must go too, or every closed tab would keep a queue filling up forever.
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
        // Whatever the app's own services subscribe (scheduler, alerting) stays; only circuits come and go.
        var bus = _fixture.App.Services.GetRequiredService<EventBus>();
        var baseline = bus.SubscriberCount;
        var first = await _fixture.NewSignedInPageAsync();
        var context = first.Context;
        await WaitForAsync(() => bus.SubscriberCount, count => count > baseline, "the overview to subscribe");
        await first.CloseAsync(new() { RunBeforeUnload = true });
        await WaitForAsync(() => bus.SubscriberCount, count => count == baseline, "the first page's circuit to go");

        var pages = new List<Microsoft.Playwright.IPage>();
        foreach (var path in Enumerable.Range(0, Circuits).Select(i => i % 2 == 0 ? "/" : "/monitors"))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(path);
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            pages.Add(page);
        }
        await WaitForAsync(() => bus.SubscriberCount, count => count >= baseline + Circuits, "every live page to subscribe");

        foreach (var page in pages) await page.CloseAsync(new() { RunBeforeUnload = true });
        await WaitForAsync(() => bus.SubscriberCount, count => count == baseline, "closed pages to unsubscribe");
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
