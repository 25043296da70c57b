using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Monitors.Detail;

public sealed record HistoryFilter(bool? Success, int? HostId, ChartRange? Range);

public sealed record HistoryRow(long Id, DateTime Timestamp, int HostId, string? HostName, bool Success, double LatencyMs, int StatusCode, string? ErrorMessage);

/// <summary>One page of a monitor's probe history, newest first, filtered and paged in SQL.</summary>
public static class ProbeHistoryQuery
{
    public static async Task<(IReadOnlyList<HistoryRow> Rows, int Total)> LoadAsync(
        ProbeDbContext db, int monitorId, HistoryFilter filter, DateTime nowUtc, int skip, int take, CancellationToken cancellationToken)
    {
        var query = db.ProbeResults.AsNoTracking().Where(r => r.MonitorId == monitorId);
        if (filter.Success is { } success) query = query.Where(r => r.Success == success);
        if (filter.HostId is { } hostId) query = query.Where(r => r.HostId == hostId);
        if (filter.Range is { } range)
        {
            var from = nowUtc - range.Length();
            query = query.Where(r => r.Timestamp >= from);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await (
                from r in query
                orderby r.Timestamp descending, r.Id descending
                join h in db.Hosts on r.HostId equals h.Id into hosts
                from h in hosts.DefaultIfEmpty()
                select new HistoryRow(r.Id, r.Timestamp, r.HostId, h.Name, r.Success, r.LatencyMs, r.StatusCode, r.ErrorMessage))
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
