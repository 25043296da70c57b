using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Hosts;

/// <summary>
/// Every node of a cluster checks for silent hosts; a host that stopped sending heartbeats is switched offline, and
/// announced (which is what host alerts judge), by exactly one of them.
/// </summary>
public sealed class HostOfflineOnceTests
{
    [Fact]
    public async Task Two_liveness_checkers_on_one_database_announce_a_silent_host_once()
    {
        await using var pipeline = await PipelineServices.StartAsync(startWriter: false);
        int hostId;
        await using (var db = pipeline.CreateDbContext())
        {
            var host = new ProbeHost
            {
                Name = "silent", Hostname = "silent", CreatedAt = DateTime.UtcNow.AddHours(-1), HeartbeatSeconds = 5,
                Online = true, OnlineSince = DateTime.UtcNow.AddHours(-1), LastSeenAt = DateTime.UtcNow.AddMinutes(-5),
            };
            db.Hosts.Add(host);
            await db.SaveChangesAsync();
            hostId = host.Id;
        }
        var nodeA = ActivatorUtilities.CreateInstance<HostLiveness>(pipeline.Services);
        var nodeB = ActivatorUtilities.CreateInstance<HostLiveness>(pipeline.Services);

        var changes = await Task.WhenAll(
            Task.Run(() => nodeA.MarkSilentHostsOfflineAsync(CancellationToken.None)),
            Task.Run(() => nodeB.MarkSilentHostsOfflineAsync(CancellationToken.None)));

        Assert.Single(changes.SelectMany(c => c), c => c.HostId == hostId && !c.Online);
        await using (var db = pipeline.CreateDbContext())
            Assert.False((await db.Hosts.SingleAsync(h => h.Id == hostId)).Online);
        // And again later: an offline host is not announced a second time.
        Assert.Empty(await nodeA.MarkSilentHostsOfflineAsync(CancellationToken.None));
    }
}
