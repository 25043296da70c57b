using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

public enum HostCommandOutcome
{
    Done,
    NotFound,
    /// <summary>Start/stop applies to agents; the server's own monitors are paused one by one. The server's host is never deleted.</summary>
    ServerHost,
    /// <summary>Start/stop applies to agents; a cluster node's metrics host probes nothing (it may be deleted once the node is retired).</summary>
    ClusterNodeHost,
}

/// <summary>
/// Hosts (the server and every registered agent) for the API and the UI alike: start/stop of an agent's probing,
/// deletion, and the reads of lists, details and reports (<c>HostService.Queries.cs</c>). Commands demand their
/// permission of the actor and commit their audit entry with the change.
/// </summary>
public sealed partial class HostService(IDbContextFactory<ProbeDbContext> dbFactory, EventBus events, IAuditLog audit)
{
    /// <summary>What the agent reads from seed 003's start/stop poll: stop pauses its probing, start resumes it.</summary>
    public async Task<HostCommandOutcome> SetCommandAsync(Actor actor, int hostId, AgentCommand command, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        if (host is null) return HostCommandOutcome.NotFound;
        if (host.IsServer) return HostCommandOutcome.ServerHost;
        if (host.ClusterNodeName is not null) return HostCommandOutcome.ClusterNodeHost;
        if (host.Command == command) return HostCommandOutcome.Done;
        host.Command = command;
        audit.Add(db, actor, AuditActions.HostCommand, Target(host), command == AgentCommand.Stop ? "stop" : "start");
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        return HostCommandOutcome.Done;
    }

    /// <summary>Forgets an agent host with its metrics and reports; its probe results stay in history.</summary>
    public async Task<HostCommandOutcome> DeleteAsync(Actor actor, int hostId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        if (host is null) return HostCommandOutcome.NotFound;
        if (host.IsServer) return HostCommandOutcome.ServerHost;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.HostMetricSamples.Where(s => s.HostId == hostId).ExecuteDeleteAsync(cancellationToken);
        await db.AgentComponents.Where(c => c.HostId == hostId).ExecuteDeleteAsync(cancellationToken);
        await db.MethodCallReports.Where(r => r.HostId == hostId).ExecuteDeleteAsync(cancellationToken);
        await db.Hosts.Where(h => h.Id == hostId).ExecuteDeleteAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.HostDelete, Target(host), host.Hostname);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new HostConfigurationChanged(hostId, Deleted: true));
        return HostCommandOutcome.Done;
    }

    internal static string Target(ProbeHost host) => $"host #{host.Id} {host.Name}";
}
