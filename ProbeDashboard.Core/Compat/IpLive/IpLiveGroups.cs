using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

public sealed record IpLiveRecordIds(long RecordId, int MonitorId);

public sealed record IpLiveGroupIds(long GroupId, IReadOnlyList<IpLiveRecordIds> Records);

/// <summary>
/// operate_monitor, update_monitor and stop_monitor over the ordinary monitors: every record is a monitor
/// (origin "iplive:&lt;app&gt;/&lt;group&gt;"), so it probes, alerts and shows in the dashboard like any other. The
/// monitors change through <see cref="MonitorService"/> with the app as actor, so each one changed is authorized and
/// audited like a change from the API. Each call is one transaction: a rejected record leaves the whole group as it was.
/// </summary>
public sealed class IpLiveGroups(IDbContextFactory<ProbeDbContext> dbFactory, MonitorService monitors, TimeProvider time)
{
    public static string Origin(string appName, long groupId) => $"iplive:{appName}/{groupId}";

    /// <summary>What seed 002 lets an app do: manage the monitors of its own groups.</summary>
    public static Actor ActorOf(IpLiveApp app) =>
        Actor.Client(ActorKind.IpLiveApp, app.AppName, Permissions.ServiceMonitorsRead, Permissions.ServiceMonitorsWrite);

    /// <summary>Adds the group's listed records or updates them; records not listed stay as they are.</summary>
    public async Task<IpLiveOutcome> OperateAsync(IpLiveApp app, IpLiveGroupSpec spec, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (hostIds, unknownNodes) = await IpLiveHostPicker.PickAsync(db, spec.Level, spec.NodeIps, cancellationToken);
        if (unknownNodes.Count > 0) return IpLiveOutcome.Invalid($"node_ips {string.Join(":", unknownNodes)} are not probe nodes (add_node first)");

        var group = await db.IpLiveGroups.Include(g => g.Records)
            .SingleOrDefaultAsync(g => g.AppId == app.Id && g.GroupId == spec.GroupId, cancellationToken);
        var existingIds = group?.Records.Select(r => r.MonitorId).ToList() ?? [];
        var existing = await db.Monitors.Where(m => existingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

        var actor = ActorOf(app);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (group is null)
        {
            group = new IpLiveGroup { AppId = app.Id, GroupId = spec.GroupId, CreatedAt = now };
            db.IpLiveGroups.Add(group);
        }
        (group.Protocol, group.Port, group.Path, group.IntervalSeconds) = (spec.Protocol, spec.Port, spec.Path, spec.Interval);
        group.Stopped = false;
        group.UpdatedAt = now;
        var changes = new List<StagedMonitorChange>();
        foreach (var (recordId, ip) in spec.Records)
        {
            var record = group.Records.SingleOrDefault(r => r.RecordId == recordId);
            var monitor = record is null ? null : existing.GetValueOrDefault(record.MonitorId);
            var wanted = spec.Input(app.AppName, recordId, ip, hostIds);
            // An operator's own settings (alerting, notification group) survive the app's next operate_monitor.
            var change = monitor is null
                ? await monitors.CreateAsync(db, actor, wanted, Origin(app.AppName, spec.GroupId), cancellationToken)
                : await monitors.UpdateAsync(db, actor, monitor, MonitorInput.From(monitor) with
                {
                    Name = wanted.Name, Enable = true, Type = wanted.Type, Target = wanted.Target, Duration = wanted.Duration,
                    Timeout = wanted.Timeout, Retry = wanted.Retry, ExecuteOn = wanted.ExecuteOn, SkipHosts = [], Http = wanted.Http,
                }, cancellationToken);
            // Returning before the commit rolls back the records already staged.
            if (change.Result.Monitor is not { } saved) return IpLiveOutcome.Invalid(Describe(recordId, change.Result.Errors));
            changes.Add(change);
            if (record is null) group.Records.Add(new IpLiveRecord { RecordId = recordId, Ip = ip, MonitorId = saved.Id });
            else record.Ip = ip;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        changes.ForEach(monitors.Publish);
        var records = spec.Records.Select(r => group.Records.Single(x => x.RecordId == r.RecordId))
            .Select(r => new IpLiveRecordIds(r.RecordId, r.MonitorId)).ToList();
        return IpLiveOutcome.Ok(new IpLiveGroupIds(spec.GroupId, records));
    }

    /// <summary>update_monitor: the record's monitor probes <paramref name="ip"/> from now on, with the group's settings.</summary>
    public async Task<IpLiveOutcome> UpdateRecordAsync(IpLiveApp app, long groupId, long recordId, string ip, CancellationToken cancellationToken)
    {
        if (!System.Net.IPAddress.TryParse(ip, out _)) return IpLiveOutcome.Invalid($"'{ip}' is not an IP address");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.IpLiveGroups.Include(g => g.Records).SingleOrDefaultAsync(g => g.AppId == app.Id && g.GroupId == groupId, cancellationToken);
        if (group is null) return IpLiveOutcome.Invalid($"group_id {groupId} is not a group of {app.AppName}");
        var record = group.Records.SingleOrDefault(r => r.RecordId == recordId);
        if (record is null) return IpLiveOutcome.Invalid($"record_id {recordId} is not in group {groupId}");
        var monitor = await db.Monitors.SingleAsync(m => m.Id == record.MonitorId, cancellationToken);

        var input = MonitorInput.From(monitor) with { Target = IpLiveGroupSpec.Target(group.Protocol, ip, group.Port, group.Path) };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var change = await monitors.UpdateAsync(db, ActorOf(app), monitor, input, cancellationToken);
        if (change.Result.Monitor is null) return IpLiveOutcome.Invalid(Describe(recordId, change.Result.Errors));
        record.Ip = ip;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        monitors.Publish(change);
        return IpLiveOutcome.Ok(new IpLiveGroupIds(groupId, [new IpLiveRecordIds(recordId, monitor.Id)]));
    }

    /// <summary>stop_monitor: pauses every monitor of the group; the next operate_monitor starts them again.</summary>
    public async Task<IpLiveOutcome> StopAsync(IpLiveApp app, long groupId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.IpLiveGroups.Include(g => g.Records).SingleOrDefaultAsync(g => g.AppId == app.Id && g.GroupId == groupId, cancellationToken);
        if (group is null) return IpLiveOutcome.Invalid($"group_id {groupId} is not a group of {app.AppName}");
        var ids = group.Records.Select(r => r.MonitorId).ToList();
        var running = await db.Monitors.Where(m => ids.Contains(m.Id) && m.Enabled).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var actor = ActorOf(app);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changes = new List<StagedMonitorChange>();
        foreach (var monitor in running) changes.Add(await monitors.SetEnabledAsync(db, actor, monitor, enable: false, cancellationToken));
        group.Stopped = true;
        group.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        changes.ForEach(monitors.Publish);
        return IpLiveOutcome.Ok(new IpLiveGroupIds(groupId, [.. group.Records.Select(r => new IpLiveRecordIds(r.RecordId, r.MonitorId))]));
    }

    private static string Describe(long recordId, IReadOnlyDictionary<string, string[]> errors)
    {
        var text = string.Join("; ", errors.Select(e => $"{WireName(e.Key)} {string.Join(", ", e.Value)}"));
        return $"record_id {recordId}: {text}";
    }

    /// <summary>Names a monitor field as the app knows it (the scan interval is the seed's own example of 1003).</summary>
    private static string WireName(string field) => field switch
    {
        "duration" => "interval",
        "retry" => "retry_count",
        "http.expected_status_codes" => "http_code",
        "http.host_header" => "domain",
        "execute_on.host_ids" => "level/node_ips (probe hosts)",
        "http.cookies" => "cookies",
        "target" => "ips/port/path",
        _ => field,
    };
}
