using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

/// <summary>
/// The monitors an agent host runs (enabled, and placed on it by <c>execute_on</c>/<c>skip_hosts</c>), with a
/// version that changes whenever that list or any of its monitors changes, so agents refresh only then.
/// </summary>
public sealed class AgentTaskCatalog(IDbContextFactory<ProbeDbContext> dbFactory)
{
    /// <summary>
    /// Placement is decided on a light projection first; the full monitors are read only when the version differs
    /// from <paramref name="knownVersion"/> (the agent's If-None-Match), so an unchanged poll stays cheap.
    /// </summary>
    /// <returns>Null when no agent host has this id; a list without monitors (<see cref="AgentTaskList.Monitors"/>
    /// null) when the agent's version is current.</returns>
    public async Task<AgentTaskList?> GetAsync(int hostId, string? knownVersion, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hostId && !h.IsServer && h.ClusterNodeName == null, cancellationToken);
        if (host is null) return null;
        var placements = await db.Monitors.AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.Id)
            .Select(m => new MonitorDefinition
            {
                Id = m.Id, Kind = m.Kind, UpdatedAt = m.UpdatedAt, ExecuteOn = m.ExecuteOn, ExecuteOnGroupId = m.ExecuteOnGroupId,
                ExecuteOnHostIds = m.ExecuteOnHostIds, SkipHostIds = m.SkipHostIds,
            })
            .ToListAsync(cancellationToken);
        var mine = placements.Where(m => ProbeAssignment.RunsOn(m, host)).ToList();
        var version = Version(mine);
        if (version == knownVersion) return new AgentTaskList(version, null);

        var ids = mine.Select(m => m.Id).ToList();
        var monitors = await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return new AgentTaskList(Version(monitors), monitors.Select(ToTask).ToList());
    }

    /// <summary>A hash of every assigned monitor's id and last edit: the edit time moves on any change of settings.</summary>
    private static string Version(IEnumerable<MonitorDefinition> monitors)
    {
        var text = string.Join(";", monitors.Select(m => $"{m.Id}@{m.UpdatedAt.Ticks}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static AgentTask ToTask(MonitorDefinition m) => new(
        m.Id, m.Name, (int)m.Kind, m.Target, m.IntervalSeconds, m.TimeoutSeconds, m.Retry,
        m.Kind != MonitorKind.Http ? null : new AgentHttpOptions(m.Http.Method, m.Http.Headers, m.Http.HostHeader, m.Http.Cookies,
            m.Http.ExpectedStatusCodes, m.Http.Keyword, m.Http.FollowRedirects, m.Http.PinnedIps, m.Http.IgnoreTlsErrors,
            m.Http.KeywordInvert, m.Http.JsonQuery, m.Http.JsonExpected, m.Http.JsonOperator),
        m.Kind != MonitorKind.Dns ? null : new AgentDnsOptions(m.Dns.RecordType, m.Dns.Resolver, m.Dns.Protocol, m.Dns.Expected),
        m.UpsideDown, m.RetryIntervalSeconds, m.FailThreshold);

    /// <summary>The monitor an agent probes for a task (only the settings probes read).</summary>
    public static MonitorDefinition ToMonitor(AgentTask t) => new()
    {
        Id = t.Id,
        Name = t.Name,
        Kind = (MonitorKind)t.Type,
        Target = t.Target,
        IntervalSeconds = t.Interval,
        RetryIntervalSeconds = t.RetryInterval,
        FailThreshold = t.FailThreshold,
        TimeoutSeconds = t.Timeout,
        Retry = t.Retry,
        UpsideDown = t.UpsideDown,
        Http = t.Http is not { } http ? new HttpProbeOptions() : new HttpProbeOptions
        {
            Method = http.Method,
            Headers = new Dictionary<string, string>(http.Headers),
            HostHeader = http.HostHeader,
            Cookies = http.Cookies,
            ExpectedStatusCodes = http.ExpectedStatusCodes,
            Keyword = http.Keyword,
            FollowRedirects = http.FollowRedirects,
            PinnedIps = [.. http.PinnedIps],
            IgnoreTlsErrors = http.IgnoreTlsErrors,
            KeywordInvert = http.KeywordInvert,
            JsonQuery = http.JsonQuery,
            JsonExpected = http.JsonExpected,
            JsonOperator = http.JsonOperator,
        },
        Dns = t.Dns is not { } dns ? new Probing.Dns.DnsProbeOptions() : new Probing.Dns.DnsProbeOptions
        {
            RecordType = dns.RecordType, Resolver = dns.Resolver, Protocol = dns.Protocol, Expected = dns.Expected,
        },
    };
}
