using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Hosts;

/// <summary>
/// Online/offline of agent hosts: online when it registers or sends a heartbeat, offline after three missed
/// heartbeats (its own interval). Each change is published as <see cref="HostStatusChanged"/> after commit.
/// The server's own host is always online.
/// </summary>
public sealed partial class HostLiveness(
    IDbContextFactory<ProbeDbContext> dbFactory, EventBus events, TimeProvider time, ILogger<HostLiveness> logger)
{
    public const int MissedHeartbeats = 3;

    /// <summary>Notes contact from the agent on a tracked entity; the caller saves, then calls <see cref="PublishOnline"/> if true.</summary>
    /// <returns>True when the host was offline until now.</returns>
    public bool MarkSeen(ProbeHost host, DateTime now)
    {
        host.LastSeenAt = now;
        if (host.Online) return false;
        host.Online = true;
        host.OnlineSince = now;
        return true;
    }

    public void PublishOnline(ProbeHost host)
    {
        LogOnline(logger, host.Id, host.Name);
        events.Publish(new HostStatusChanged(host.Id, host.Name, host.Uuid, true, host.OnlineSince!.Value));
    }

    /// <summary>Marks offline every agent host whose last contact is older than three of its heartbeat intervals.</summary>
    /// <returns>The hosts that went offline.</returns>
    public async Task<IReadOnlyList<HostStatusChanged>> MarkSilentHostsOfflineAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var online = await db.Hosts.AsNoTracking().Where(h => h.Online && !h.IsServer).ToListAsync(cancellationToken);
        var silent = online.Where(h => h.LastSeenAt is null || now - h.LastSeenAt.Value > TimeSpan.FromSeconds(MissedHeartbeats * h.HeartbeatSeconds)).ToList();
        if (silent.Count == 0) return [];
        // Each host is switched off only if it is still online and still silent as stored: with several nodes checking,
        // the one whose update takes it announces it, the others find it done (and a heartbeat that just came wins).
        var switched = new List<ProbeHost>();
        foreach (var host in silent)
        {
            var seen = host.LastSeenAt;
            var updated = await db.Hosts.Where(h => h.Id == host.Id && h.Online && h.LastSeenAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Online, false).SetProperty(h => h.OnlineSince, now), cancellationToken);
            if (updated == 1) switched.Add(host);
        }
        silent = switched;
        var changes = silent.Select(h => new HostStatusChanged(h.Id, h.Name, h.Uuid, false, now)).ToList();
        foreach (var change in changes)
        {
            LogOffline(logger, change.HostId, change.HostName);
            events.Publish(change);
        }
        return changes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostId} ({HostName}) is online")]
    private static partial void LogOnline(ILogger logger, int hostId, string hostName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Host {HostId} ({HostName}) is offline: three heartbeats missed")]
    private static partial void LogOffline(ILogger logger, int hostId, string hostName);
}
