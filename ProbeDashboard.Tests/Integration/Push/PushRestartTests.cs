using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Tests.Api.Push;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Push;

/// <summary>The deadline lives in the database: a server that was down judges what passed meanwhile at start-up, once.</summary>
public class PushRestartTests
{
    [Fact]
    public async Task A_deadline_that_passed_while_the_server_was_down_is_judged_once_at_start_up()
    {
        using var dataDir = new TempDirectory();
        var clock = new ManualTimeProvider();
        int monitorId;
        try
        {
            await using (var first = DashboardFactory.OnExistingData(dataDir.Path))
            {
                first.Time = clock;
                using var client = await first.CreateClientAsync(UserRole.Operator);
                using var response = await client.PostAsync(PushTestFactory.BasePath,
                    ApiJson.Content(new { name = "while down", type = 5, push = new { period = 60, grace = 0 } }));
                monitorId = (await response.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
            }

            clock.Advance(TimeSpan.FromMinutes(30));
            await using var second = DashboardFactory.OnExistingData(dataDir.Path);
            second.Time = clock;
            // With the scheduler on, the deadline service sweeps as the host starts.
            second.Settings["Probing:SchedulerEnabled"] = "true";
            _ = second.Services;

            var missed = await Eventually.GetAsync(async () => await second.WithDbAsync(db =>
                db.ProbeResults.AsNoTracking().Where(r => r.MonitorId == monitorId).ToListAsync()) is { Count: > 0 } found ? found : null,
                "the start-up sweep records the missed deadline");
            Assert.Equal("no ping received yet", Assert.Single(missed).ErrorMessage);
            Assert.Equal(0, await second.Services.GetRequiredService<PushDeadlineSweeper>().SweepAsync(CancellationToken.None));
            Assert.Single(await second.WithDbAsync(db => db.ProbeResults.Where(r => r.MonitorId == monitorId).ToListAsync()));
        }
        finally
        {
            TestDatabase.Drop(dataDir.Path);
        }
    }
}
