using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Subscriptions;
using ProbeDashboard.Tests.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.StatusPages;

/// <summary>
/// Outage mails to a page's subscribers are queued strictly after the change that caused them committed: the writer
/// publishes status changes only after its transaction, and the mailer queues in a transaction of its own. A batch
/// the database refuses (rolled back) mails nobody; once it commits on the retry, the mail is queued.
/// </summary>
public class OutageMailCommitTests
{
    private const string Reader = "reader@example.test";
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_rolled_back_outage_queues_no_mail_and_the_committed_retry_queues_one()
    {
        await using var pipeline = await StartAsync();
        var (monitor, mailer) = await PageWithSubscriberAsync(pipeline, "commit-shop");
        var host = pipeline.ServerHostId;
        var writer = pipeline.Get<ResultWriter>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, host, T0, true, 10)], cts.Token);  // unknown -> online: no news
        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to pass over the first result");

        await ResultWriterTests.RefuseStatusCode599Async(pipeline);
        List<ProbeResult> outage = [BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(30), false, 0), BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(60), false, 0)];
        outage.ForEach(r => r.StatusCode = 599);
        var submitted = writer.SubmitAsync(outage, cts.Token);
        var service = pipeline.Get<ResultWriterService>();
        await Eventually.TrueAsync(() => service.IsFailing, "the database to refuse the outage's batch");
        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to be idle while the batch is refused");

        Assert.False(submitted.IsCompleted);
        Assert.Equal(0, await OutboxToReaderAsync(pipeline));
        await using (var db = pipeline.CreateDbContext())
            Assert.Equal(1, await db.ProbeResults.CountAsync(r => r.MonitorId == monitor.Id, cts.Token));

        await ResultWriterTests.AcceptStatusCode599Async(pipeline);
        await submitted;
        await Eventually.TrueAsync(async () => await OutboxToReaderAsync(pipeline) == 1, "the outage mail to be queued after the commit");
        await using (var db = pipeline.CreateDbContext())
        {
            var mail = await db.NotificationOutbox.SingleAsync(o => o.Address == Reader, cts.Token);
            Assert.Contains("Checkout", mail.Subject);
        }
        await mailer.StopAsync(default);
    }

    [Fact]
    public async Task An_outage_mail_the_database_refused_to_queue_is_queued_once_it_accepts_again()
    {
        await using var pipeline = await StartAsync();
        var (monitor, mailer) = await PageWithSubscriberAsync(pipeline, "retry-shop");
        var host = pipeline.ServerHostId;
        var writer = pipeline.Get<ResultWriter>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, host, T0, true, 10)], cts.Token);
        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to pass over the first result");

        await ResultWriterTests.ExecuteAsync(pipeline, TestDatabase.IsPostgres
            ? """
              CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
              CREATE TRIGGER refuse_mail BEFORE INSERT ON "NotificationOutbox" FOR EACH ROW EXECUTE FUNCTION refuse_mail();
              """
            : """CREATE TRIGGER refuse_mail BEFORE INSERT ON "NotificationOutbox" BEGIN SELECT RAISE(ABORT, 'refused'); END""");
        await writer.SubmitAsync([BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(30), false, 0), BatchRollupTests.Result(monitor.Id, host, T0.AddSeconds(60), false, 0)], cts.Token);
        await Eventually.TrueAsync(() => mailer.FailedPasses > 0, "the mailer to be refused");
        Assert.False(mailer.IsIdle);
        Assert.Equal(0, await OutboxToReaderAsync(pipeline));

        await ResultWriterTests.ExecuteAsync(pipeline, TestDatabase.IsPostgres
            ? """DROP TRIGGER refuse_mail ON "NotificationOutbox"; DROP FUNCTION refuse_mail();"""
            : "DROP TRIGGER refuse_mail");
        await Eventually.TrueAsync(() => mailer.IsIdle, "the mailer to queue the kept news");
        await using (var db = pipeline.CreateDbContext())
        {
            var mail = await db.NotificationOutbox.SingleAsync(o => o.Address == Reader, cts.Token);
            Assert.Contains("Checkout", mail.Subject);
        }
        await mailer.StopAsync(default);
    }

    private static Task<PipelineServices> StartAsync() =>
        PipelineServices.StartAsync(new() { ["StatusPages:Subscriptions:CoalesceMs"] = "0" },
            addServices: (services, configuration) => services.AddSingleton(configuration).AddAlerting(configuration));  // the outbox's address and signal

    /// <summary>A published page showing one monitor as "Checkout", a confirmed subscriber, and the mailer started.</summary>
    private static async Task<(MonitorDefinition Monitor, MonitorChangeMailer Mailer)> PageWithSubscriberAsync(PipelineServices pipeline, string slug)
    {
        var monitor = await pipeline.AddMonitorAsync(TestMonitors.Http("internal-checkout", new Uri("http://127.0.0.1:1/")));
        var page = (await pipeline.Get<StatusPageService>().CreateAsync(Actor.System, new StatusPageInput(slug, "Shop", null, null,
            [new StatusPageSectionInput("Core", [new StatusPageItemInput(monitor.Id, "Checkout")])], false, null, true), default)).Page!;
        await using (var db = pipeline.CreateDbContext())
        {
            db.StatusPageSubscribers.Add(new StatusPageSubscriber
            {
                StatusPageId = page.Id, Email = Reader, CreatedAt = T0, ConfirmedAt = T0,
                UnsubscribeTokenHash = "unused", ProtectedUnsubscribeToken = pipeline.Get<SubscriberMail>().Protect("unsubscribe-token"),
            });
            await db.SaveChangesAsync();
        }
        var mailer = pipeline.Get<MonitorChangeMailer>();
        await mailer.StartAsync(default);
        return (monitor, mailer);
    }

    private static async Task<int> OutboxToReaderAsync(PipelineServices pipeline)
    {
        await using var db = pipeline.CreateDbContext();
        return await db.NotificationOutbox.CountAsync(o => o.Address == Reader);
    }
}
