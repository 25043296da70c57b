using System.Net;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.ProbeFlows;

public enum ProbeFlowError
{
    None,
    MissingInstanceId,
    UnknownInstance,
    NotVm,
    NoIndependentNetwork,
    AlreadyExists,
    NoProxyConfigured,
}

public sealed record ProbeFlowResult(ProbeFlow? Flow, ProbeFlowError Error, string Message);

/// <summary>
/// Creates, deletes and lists probe flows, enforcing seed 000's limits (a VM on an independent network). Writes
/// demand service_monitors:write and commit their audit entry with the change; reads demand service_monitors:read.
/// </summary>
public sealed class ProbeFlowService(IDbContextFactory<ProbeDbContext> dbFactory, IOptionsMonitor<ProbeFlowOptions> options, TimeProvider time, IAuditLog audit)
{
    public async Task<ProbeFlowResult> CreateAsync(Actor actor, string? instanceId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        if (string.IsNullOrWhiteSpace(instanceId)) return Fail(ProbeFlowError.MissingInstanceId, "instance_id is required");
        var id = instanceId.Trim();
        var proxyIp = options.CurrentValue.ProxyIp?.Trim();
        if (string.IsNullOrEmpty(proxyIp)) return Fail(ProbeFlowError.NoProxyConfigured, "no probe proxy is configured (ProbeFlows:ProxyIp)");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.AsNoTracking().Where(h => h.VmInstanceId == id && !h.IsServer && h.ClusterNodeName == null)
            .OrderByDescending(h => h.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        if (host is null) return Fail(ProbeFlowError.UnknownInstance, $"instance {id} is not a registered agent");
        if (!host.Agent.IsVm) return Fail(ProbeFlowError.NotVm, $"instance {id} is a physical device: probe flows are for VM agents only");
        if (!host.Agent.IndependentNetwork)
            return Fail(ProbeFlowError.NoIndependentNetwork, $"instance {id} is not on an independent network: probe flows need one");
        if (await db.ProbeFlows.AnyAsync(f => f.InstanceId == id, cancellationToken))
            return Fail(ProbeFlowError.AlreadyExists, $"instance {id} already has a probe flow");

        var flow = new ProbeFlow
        {
            Id = Guid.NewGuid().ToString(),
            InstanceId = id,
            InstanceName = host.Hostname,
            InstanceIp = InstanceIp(host.Agent),
            InstanceMac = host.Agent.Mac ?? "",
            InstancePort = host.Agent.NetworkPortId ?? "",
            PhyNode = host.Agent.HypervisorNode ?? "",
            ProxyIp = proxyIp,
            HostId = host.Id,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ProbeFlows.Add(flow);
        audit.Add(db, actor, AuditActions.ProbeFlowCreate, Target(flow), $"host #{host.Id} via proxy {proxyIp}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two creates for one instance raced; the unique index let one through.
            return Fail(ProbeFlowError.AlreadyExists, $"instance {id} already has a probe flow");
        }
        return new ProbeFlowResult(flow, ProbeFlowError.None, "created");
    }

    /// <returns>False when the instance has no flow.</returns>
    public async Task<bool> DeleteAsync(Actor actor, string instanceId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = instanceId.Trim();
        var flow = await db.ProbeFlows.SingleOrDefaultAsync(f => f.InstanceId == id, cancellationToken);
        if (flow is null) return false;
        db.ProbeFlows.Remove(flow);
        audit.Add(db, actor, AuditActions.ProbeFlowDelete, Target(flow), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <param name="instanceId">Only this instance's flow; null or blank: all flows.</param>
    /// <param name="hostId">Only the flows of this host.</param>
    public async Task<List<ProbeFlow>> ListAsync(Actor actor, string? instanceId, int? hostId, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ProbeFlows.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(instanceId)) query = query.Where(f => f.InstanceId == instanceId.Trim());
        if (hostId is { } h) query = query.Where(f => f.HostId == h);
        return await query.OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The first IP among the agent's reported addresses, else its server address.</summary>
    private static string InstanceIp(AgentDetails agent) =>
        (agent.Network ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(a => IPAddress.TryParse(a, out _)) ?? agent.ServerAddr ?? "";

    private static string Target(ProbeFlow flow) => $"probe flow {flow.InstanceId}";

    private static ProbeFlowResult Fail(ProbeFlowError error, string message) => new(null, error, message);
}
