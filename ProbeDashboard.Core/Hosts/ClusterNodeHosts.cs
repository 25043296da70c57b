using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>
/// The host row that holds one cluster node's own machine metrics, found by its Cluster:NodeName and made on the
/// node's first start. A host row (rather than numbers on the Cluster card) because an operator of several nodes wants
/// for each machine what an agent's machine gets: gauges in the hosts list, history charts, host_monitor alert rules
/// (CPU, memory, disk of node B), and "offline" when the node stops sampling. Probe rounds stay keyed by the one shared
/// server host: these rows are never probe targets (<see cref="ProbeHost.IsAgent"/> is false).
/// </summary>
public sealed class ClusterNodeHosts(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time)
{
    private const int MaxNameLength = 200;

    /// <summary>The node's host id; creates the row, or refreshes its machine facts (a restart may bring a new build).</summary>
    public async Task<int> EnsureAsync(string nodeName, int sampleSeconds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.ClusterNodeName == nodeName, cancellationToken);
        if (host is null)
        {
            host = new ProbeHost
            {
                Name = await FreeNameAsync(db, nodeName, cancellationToken), ClusterNodeName = nodeName,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Hosts.Add(host);
        }
        host.Hostname = Environment.MachineName;
        host.HeartbeatSeconds = sampleSeconds;
        host.Agent = new AgentDetails { Version = BuildVersion.Current, Language = "DOTNET" };
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return host.Id;
        }
        catch (DbUpdateException)
        {
            // Another process with the same node name made the row at the same moment: use that one.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.Hosts.Where(h => h.ClusterNodeName == nodeName).Select(h => h.Id).SingleAsync(cancellationToken);
        }
    }

    /// <summary>
    /// In a cluster the server host gets no samples any more: its last gauges (one machine's, from before the cluster)
    /// would read as the whole cluster's, so they are cleared. Its history stays for the charts.
    /// </summary>
    public async Task ClearServerGaugesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var server = await db.Hosts.SingleAsync(h => h.IsServer, cancellationToken);
        if (server.Metrics.SampledAt is null) return;
        server.Metrics = new HostMetrics();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The node's name, unless an agent already registered under it (host names are unique).</summary>
    private static async Task<string> FreeNameAsync(ProbeDbContext db, string nodeName, CancellationToken cancellationToken)
    {
        var name = Truncate(nodeName);
        if (!await db.Hosts.AnyAsync(h => h.Name == name, cancellationToken)) return name;
        return Truncate(nodeName, " (cluster node)");
    }

    private static string Truncate(string name, string suffix = "") =>
        (name.Length + suffix.Length <= MaxNameLength ? name : name[..(MaxNameLength - suffix.Length)]) + suffix;
}
