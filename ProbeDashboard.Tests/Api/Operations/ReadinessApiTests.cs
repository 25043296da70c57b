using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Probing;
using ProbeDashboard.Tests.Support;
using Quartz;

namespace ProbeDashboard.Tests.Api.Operations;

/// <remarks>SQLite only: locks the SQLite file to make the writer back up.</remarks>
[Trait("Category", "SqliteOnly")]
public class ReadinessApiTests
{
    [Fact]
    public async Task Readyz_fails_while_the_database_is_locked_and_the_writer_backs_up_and_recovers_after()
    {
        using var factory = new DashboardFactory();
        // A small queue the writer drains one result at a time, so a locked database backs it up quickly.
        factory.Settings["Results:QueueCapacity"] = "100";
        factory.Settings["Results:MaxBatchSize"] = "1";
        using var client = factory.CreateClient();
        var (status, body) = await ReadyzAsync(client);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Contains("scheduler: ok (switched off)", body);

        var databasePath = Path.Combine(factory.DataDirectory, "probedashboard.db");
        await using (var locker = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                // Another process holding the write lock, as a stuck backup or a second writer would.
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }
            (status, body) = await ReadyzAsync(client);
            Assert.True(status == HttpStatusCode.ServiceUnavailable, body);
            Assert.Contains("database: FAIL (not writable: locked)", body);

            var writer = factory.Services.GetRequiredService<ResultWriter>();
            for (var i = 0; i < 95; i++)
                await writer.EnqueueAsync(new ProbeResult { MonitorId = 424242, HostId = 1, Timestamp = DateTime.UtcNow }, CancellationToken.None);
            (status, body) = await ReadyzAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Matches("writer: FAIL \\((backed up|commits are failing)", body);
        }

        await Eventually.TrueAsync(async () => (await ReadyzAsync(client)).Status == HttpStatusCode.OK, "readiness after the lock is released");
    }

    [Fact]
    public async Task Readyz_fails_when_the_probe_scheduler_has_stopped()
    {
        using var factory = new DashboardFactory();
        factory.Settings["Probing:SchedulerEnabled"] = "true";
        using var client = factory.CreateClient();
        await Eventually.TrueAsync(async () => (await ReadyzAsync(client)).Status == HttpStatusCode.OK, "readiness with the scheduler running");

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Shutdown(waitForJobsToComplete: false);

        var (status, body) = await ReadyzAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("scheduler: FAIL (not running)", body);
        Assert.Contains("database: ok", body);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/readyz");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
