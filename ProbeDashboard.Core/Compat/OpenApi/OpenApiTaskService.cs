using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>What seed 004 asks of a new task; <see cref="ServerIp"/> pins the URL's host to one address.</summary>
public sealed record OpenApiTaskRequest(string Name, string Url, string? ServerIp, string? Gid);

/// <summary>Why a task was not created, in the seed's terms; <see cref="Field"/> names the parameter at fault.</summary>
public enum TaskRefusal { None, InvalidParameter, LimitReached, Exists }

public sealed record TaskCreated(string? Tid, TaskRefusal Refusal = TaskRefusal.None, string? Field = null);

public sealed record TaskSummary(string Tid, int MonitorId, bool Enabled, string Url, string Name);

/// <summary>
/// The open API's tasks (seed 004) of one client's user. A task is a monitor created, switched and deleted through
/// <see cref="MonitorService"/> with the client as actor; this service keeps the task rows that map the public tid
/// to the monitor, and reads only the acting user's own tasks.
/// </summary>
public sealed class OpenApiTaskService(
    IDbContextFactory<ProbeDbContext> dbFactory,
    MonitorService monitors,
    IOptions<OpenApiOptions> options,
    IOptionsMonitor<ProbingOptions> probing)
{
    /// <summary>Creates the monitor and its task row in one transaction: a monitor without its task would be invisible to the client.</summary>
    public async Task<TaskCreated> CreateAsync(Actor actor, OpenApiCaller caller, string userName, OpenApiTaskRequest request, string origin, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsWrite);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        int? groupId = null;
        if (request.Gid is { } gid)
        {
            groupId = await db.OpenApiAlertGroups.Where(g => g.Gid == gid && g.ClientId == caller.ClientId && g.UserName == userName)
                .Select(g => (int?)g.NotificationGroupId).SingleOrDefaultAsync(cancellationToken);
            if (groupId is null) return new TaskCreated(null, TaskRefusal.InvalidParameter, "gid");
        }
        if (await db.OpenApiTasks.CountAsync(t => t.ClientId == caller.ClientId, cancellationToken) >= caller.TaskLimit)
            return new TaskCreated(null, TaskRefusal.LimitReached);
        var pinned = request.ServerIp is null ? Array.Empty<string>() : [request.ServerIp];
        var sameUrl = await (from t in db.OpenApiTasks
                             join m in db.Monitors on t.MonitorId equals m.Id
                             where t.ClientId == caller.ClientId && t.UserName == userName && m.Target == request.Url
                             select m.Http).ToListAsync(cancellationToken);
        if (sameUrl.Any(http => http.PinnedIps.SequenceEqual(pinned))) return new TaskCreated(null, TaskRefusal.Exists);

        var input = new MonitorInput
        {
            Name = request.Name,
            Type = (int)MonitorKind.Http,
            Target = request.Url,
            Duration = Math.Max(options.Value.TaskIntervalSeconds, probing.CurrentValue.MinIntervalSeconds),
            EnableAlert = groupId is not null,
            NotificationId = groupId,
            Http = new HttpOptionsInput { PinnedIps = pinned },
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var change = await monitors.CreateAsync(db, actor, input, origin, cancellationToken);
        if (change.Result.Monitor is not { } monitor) return new TaskCreated(null, TaskRefusal.InvalidParameter, string.Join(", ", change.Result.Errors.Keys));
        var task = new OpenApiTask { Tid = OpenApiClient.NewPublicId(), ClientId = caller.ClientId, UserName = userName, MonitorId = monitor.Id, CreatedAt = monitor.CreatedAt };
        db.OpenApiTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        monitors.Publish(change);
        return new TaskCreated(task.Tid);
    }

    /// <summary>A page of the user's tasks, oldest first, with the total.</summary>
    public async Task<(int Total, IReadOnlyList<TaskSummary> Page)> ListAsync(Actor actor, int clientId, string userName, int offset, int take, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tasks = from t in db.OpenApiTasks.AsNoTracking()
                    join m in db.Monitors on t.MonitorId equals m.Id
                    where t.ClientId == clientId && t.UserName == userName
                    orderby t.MonitorId
                    select new TaskSummary(t.Tid, t.MonitorId, m.Enabled, m.Target, m.Name);
        var total = await tasks.CountAsync(cancellationToken);
        var page = await tasks.Skip(offset).Take(take).ToListAsync(cancellationToken);
        return (total, page);
    }

    /// <summary>The monitors of the user's tasks among <paramref name="tids"/> (all of the user's when null), by tid; others' are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> MonitorsOfAsync(Actor actor, int clientId, string userName, IReadOnlyCollection<string>? tids, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.ServiceMonitorsRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owned = db.OpenApiTasks.AsNoTracking().Where(t => t.ClientId == clientId && t.UserName == userName);
        if (tids is not null) owned = owned.Where(t => tids.Contains(t.Tid));
        var rows = await owned.OrderBy(t => t.MonitorId).Select(t => new { t.Tid, t.MonitorId }).ToListAsync(cancellationToken);
        return rows.ToDictionary(t => t.Tid, t => t.MonitorId);
    }
}
