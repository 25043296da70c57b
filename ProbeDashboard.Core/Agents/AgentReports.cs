using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

/// <summary>Stores the component (type 17) and method-call (type 36) reports of seed 003.</summary>
public sealed class AgentReports(IDbContextFactory<ProbeDbContext> dbFactory)
{
    /// <summary>One row per host and package path: a repeated report refreshes name, signature and last seen.</summary>
    public async Task StoreComponentAsync(AgentComponent component, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.AgentComponents.SingleOrDefaultAsync(
            c => c.HostId == component.HostId && c.PackagePath == component.PackagePath, cancellationToken);
        if (existing is null)
        {
            db.AgentComponents.Add(component);
        }
        else
        {
            existing.PackageName = component.PackageName;
            existing.PackageSignature = component.PackageSignature;
            existing.PackageAlgorithm = component.PackageAlgorithm;
            existing.LastSeenAt = component.LastSeenAt;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task StoreMethodCallAsync(MethodCallReport report, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.MethodCallReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
    }
}
