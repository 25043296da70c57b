using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Audit;

/// <summary>Reads the audit log for the API and the UI; only admins may (it names every user and what they did).</summary>
public sealed class AuditLogService(IDbContextFactory<ProbeDbContext> dbFactory)
{
    /// <returns>The total matching and one page of entries, newest first.</returns>
    public async Task<(int Total, IReadOnlyList<AuditEntry> Entries)> QueryAsync(Actor actor, AuditQuery query, int skip, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = query.Apply(db.AuditLog.AsNoTracking());
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, AuditQuery.MaxPageSize)).ToListAsync(cancellationToken);
        return (total, page);
    }
}
