using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

public enum HostCommandOutcome
{
    Done,
    NotFound,
    /// <summary>Start/stop applies to agents; the server's own monitors are paused one by one.</summary>
    ServerHost,
}

/// <summary>Sets what an agent reads from seed 003's start/stop poll, for the API and the UI alike.</summary>
public sealed class HostCommands(IDbContextFactory<ProbeDbContext> dbFactory, EventBus events)
{
    public async Task<HostCommandOutcome> SetAsync(int hostId, AgentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Id == hostId, cancellationToken);
        if (host is null) return HostCommandOutcome.NotFound;
        if (host.IsServer) return HostCommandOutcome.ServerHost;
        host.Command = command;
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new HostConfigurationChanged(hostId, Deleted: false));
        return HostCommandOutcome.Done;
    }
}
