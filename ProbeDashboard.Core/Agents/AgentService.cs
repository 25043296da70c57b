using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

/// <summary>
/// The reads and writes of seed 003's agent protocol that are not registration or reports (see
/// <see cref="AgentRegistrar"/>, <see cref="HeartbeatRecorder"/>, <see cref="AgentReports"/>). An agent's traffic is
/// not a change by a person, so nothing here is audited; every call demands <see cref="AgentActors.Permission"/>.
/// </summary>
public sealed class AgentService(IDbContextFactory<ProbeDbContext> dbFactory, ResultWriter writer)
{
    /// <returns>What the named agent is told to do; null when no agent has this name.</returns>
    public async Task<AgentCommand?> CommandAsync(Actor actor, string agentName, CancellationToken cancellationToken)
    {
        actor.Demand(AgentActors.Permission);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Hosts.Where(h => h.Name == agentName && !h.IsServer && h.ClusterNodeName == null).Select(h => (AgentCommand?)h.Command).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when an agent (not the server's host) has this id.</summary>
    public async Task<bool> IsAgentAsync(Actor actor, int agentId, CancellationToken cancellationToken)
    {
        actor.Demand(AgentActors.Permission);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Hosts.AnyAsync(h => h.Id == agentId && !h.IsServer && h.ClusterNodeName == null, cancellationToken);
    }

    /// <summary>
    /// Stores an agent's results through the single writer and returns only after the transaction that holds them
    /// committed, so the agent may then forget them. Results it delivered before are dropped (idempotent resend).
    /// </summary>
    /// <returns>False when no agent has this id; nothing is stored then.</returns>
    public async Task<bool> SubmitResultsAsync(Actor actor, int agentId, IReadOnlyList<ProbeResult> results, CancellationToken cancellationToken)
    {
        actor.Demand(AgentActors.Permission);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Hosts.AnyAsync(h => h.Id == agentId && !h.IsServer && h.ClusterNodeName == null, cancellationToken)) return false;
        await writer.SubmitAsync(await WithoutStoredAsync(db, agentId, results, cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>
    /// Drops results this agent already delivered. An agent resends a batch whose answer it never got (the server
    /// died between commit and reply), so a result is identified by monitor, agent and probe time; one indexed
    /// query per batch finds the ones already stored.
    /// </summary>
    private static async Task<List<ProbeResult>> WithoutStoredAsync(
        ProbeDbContext db, int agentId, IReadOnlyList<ProbeResult> results, CancellationToken cancellationToken)
    {
        if (results.Count == 0) return [];
        var monitorIds = results.Select(r => r.MonitorId).Distinct().ToList();
        var from = results.Min(r => r.Timestamp);
        var to = results.Max(r => r.Timestamp);
        var stored = (await db.ProbeResults
                .Where(r => monitorIds.Contains(r.MonitorId) && r.Timestamp >= from && r.Timestamp <= to && r.HostId == agentId)
                .Select(r => new { r.MonitorId, r.Timestamp })
                .ToListAsync(cancellationToken))
            .Select(r => (r.MonitorId, r.Timestamp))
            .ToHashSet();
        return stored.Count == 0 ? [.. results] : results.Where(r => !stored.Contains((r.MonitorId, r.Timestamp))).ToList();
    }
}
