using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Subscriptions;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.StatusPages;

/// <summary>
/// More monitors change within one coalescing window than the mailer's queue holds (20,000 going from unknown to online
/// after a start): the mailer keeps emptying its queue while it gathers, so no change is dropped and a page's outage
/// announced at the end of the burst is still mailed.
/// </summary>
public class MonitorChangeBurstTests
{
    private const string Reader = "burst-reader@example.test";

    [Fact]
    public async Task A_burst_larger_than_the_queue_within_one_window_drops_nothing_and_its_last_outage_is_mailed()
    {
        await using var pipeline = await PipelineServices.StartAsync(new() { ["StatusPages:Subscriptions:CoalesceMs"] = "5000" },
            addServices: (services, configuration) => services.AddSingleton(configuration).AddAlerting(configuration));
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("burst-checkout", new Uri("http://127.0.0.1:1/")));
        var page = (await pipeline.Get<StatusPageService>().CreateAsync(Actor.System, new StatusPageInput("burst-shop", "Shop", null, null,
            [new StatusPageSectionInput("Core", [new StatusPageItemInput(monitor.Id, "Checkout")])], false, null, true), default)).Page!;
        await using (var db = pipeline.CreateDbContext())
        {
            db.StatusPageSubscribers.Add(new StatusPageSubscriber
            {
                StatusPageId = page.Id, Email = Reader, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow,
                UnsubscribeTokenHash = "unused", ProtectedUnsubscribeToken = pipeline.Get<SubscriberMail>().Protect("unsubscribe-token"),
            });
            await db.SaveChangesAsync();
        }
        var mailer = pipeline.Get<MonitorChangeMailer>();
        await mailer.StartAsync(default);
        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to start listening");
        var bus = pipeline.Get<EventBus>();
        var droppedBefore = bus.DroppedTotal;

        // 20,000 changes over about 2.5 s, inside one 5 s window: more than the queue's 16,384.
        var now = DateTime.UtcNow;
        for (var chunk = 0; chunk < 10; chunk++)
        {
            for (var i = 0; i < 2_000; i++) bus.Publish(new MonitorStatusChanged(1_000_000 + chunk * 2_000 + i, MonitorStatus.Online, now));
            await Task.Delay(250);   // pacing the burst as probes would, not waiting for a result
        }
        bus.Publish(new MonitorStatusChanged(monitor.Id, MonitorStatus.Offline, now));

        await Eventually.TrueAsync(async () =>
        {
            await using var db = pipeline.CreateDbContext();
            return await db.NotificationOutbox.AnyAsync(o => o.Address == Reader);
        }, "the outage at the end of the burst to be mailed", 30_000);
        Assert.Equal(droppedBefore, bus.DroppedTotal);
        await mailer.StopAsync(default);
    }
}
