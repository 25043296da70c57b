using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>The server's own probe host id, read once: results the server makes itself (push pings, missed deadlines) carry it.</summary>
public sealed class ServerHostLookup(IDbContextFactory<ProbeDbContext> dbFactory)
{
    private int _id;

    public async ValueTask<int> GetIdAsync(CancellationToken cancellationToken)
    {
        var id = Volatile.Read(ref _id);
        if (id != 0) return id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        id = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cancellationToken);
        Volatile.Write(ref _id, id);
        return id;
    }
}
