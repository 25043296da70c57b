using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Compat.OpenApi;

public sealed record TaskIdData(string Tid);

public sealed record TaskSwitchData(string Tid, bool IsStop);

public sealed record TaskListItem(string Tid, bool IsStop, string Url, string Name);

public sealed record TaskListData(int Total, IReadOnlyList<TaskListItem> Tasks);

/// <summary>Seed 004 tasks: create, list, switch and delete. A task is a monitor created through <see cref="MonitorService"/>.</summary>
public static class TaskEndpoints
{
    public const int PageSize = 10;

    public static void MapTaskEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/task/create/", CreateTask);
        group.MapGet("/task/list/", ListTasks);
        group.MapPost("/task/{tid}/switch/", SwitchTask);
        group.MapPost("/task/{tid}/delete/", DeleteTask);
    }

    internal static async Task<IResult> CreateTask(HttpContext context, ProbeDbContext db, MonitorService monitors,
        IOptions<OpenApiOptions> options, IOptions<ProbingOptions> probing, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(db, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        if (request.Get("type") is not { } type || !type.Equals("HTTP", StringComparison.OrdinalIgnoreCase))
            return OpenApiReply.Error(OpenApiCode.UnsupportedType);
        var (name, url, serverIp, gid) = (request.Get("name"), request.Get("url"), request.Get("server_ip"), request.Get("gid"));
        if (name is null) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "name");
        if (url is null || !MonitorTargetRules.IsHttpUrl(url)) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "url");
        if (serverIp is not null && !System.Net.IPAddress.TryParse(serverIp, out _)) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "server_ip");

        int? groupId = null;
        if (gid is not null)
        {
            groupId = await db.OpenApiAlertGroups.Where(g => g.Gid == gid && g.ClientId == request.Caller.ClientId && g.UserName == user)
                .Select(g => (int?)g.NotificationGroupId).SingleOrDefaultAsync(cancellationToken);
            if (groupId is null) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "gid");
        }
        if (await db.OpenApiTasks.CountAsync(t => t.ClientId == request.Caller.ClientId, cancellationToken) >= request.Caller.TaskLimit)
            return OpenApiReply.Error(OpenApiCode.TaskLimitReached);
        var sameUrl = await (from t in db.OpenApiTasks
                             join m in db.Monitors on t.MonitorId equals m.Id
                             where t.ClientId == request.Caller.ClientId && t.UserName == user && m.Target == url
                             select m.Http).ToListAsync(cancellationToken);
        if (sameUrl.Any(http => http.PinnedIps.SequenceEqual(serverIp is null ? [] : [serverIp])))
            return OpenApiReply.Error(OpenApiCode.TaskExists);

        var input = new MonitorInput
        {
            Name = name,
            Type = (int)MonitorKind.Http,
            Target = url,
            Duration = Math.Max(options.Value.TaskIntervalSeconds, probing.Value.MinIntervalSeconds),
            EnableAlert = groupId is not null,
            NotificationId = groupId,
            Http = new HttpOptionsInput { PinnedIps = serverIp is null ? [] : [serverIp] },
        };
        var saved = await monitors.CreateAsync(request.ActorFor(user), input, request.Origin(user), cancellationToken);
        if (saved.Monitor is null) return OpenApiReply.Error(OpenApiCode.InvalidParameter, string.Join(", ", saved.Errors.Keys));

        var task = new OpenApiTask
        {
            Tid = OpenApiClient.NewPublicId(),
            ClientId = request.Caller.ClientId,
            UserName = user,
            MonitorId = saved.Monitor.Id,
            CreatedAt = saved.Monitor.CreatedAt,
        };
        try
        {
            db.OpenApiTasks.Add(task);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing half-saved: a monitor without its task would be invisible to the client that asked for it.
            await monitors.DeleteAsync(request.ActorFor(user), saved.Monitor.Id, CancellationToken.None);
            throw;
        }
        return OpenApiReply.Ok(new TaskIdData(task.Tid), "创建监控任务成功");
    }

    internal static async Task<IResult> ListTasks(HttpContext context, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(db, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var offset = 0;
        if (request.Get("offset") is { } text && (!int.TryParse(text, out offset) || offset < 0))
            return OpenApiReply.Error(OpenApiCode.InvalidParameter, "offset");
        var tasks = from t in db.OpenApiTasks.AsNoTracking()
                    join m in db.Monitors on t.MonitorId equals m.Id
                    where t.ClientId == request.Caller.ClientId && t.UserName == user
                    select new { t.Tid, t.MonitorId, m.Enabled, m.Target, m.Name };
        var total = await tasks.CountAsync(cancellationToken);
        var page = await tasks.OrderBy(t => t.MonitorId).Skip(offset).Take(PageSize)
            .Select(t => new TaskListItem(t.Tid, !t.Enabled, t.Target, t.Name)).ToListAsync(cancellationToken);
        return OpenApiReply.Ok(new TaskListData(total, page));
    }

    internal static async Task<IResult> SwitchTask(string tid, HttpContext context, ProbeDbContext db, MonitorService monitors, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (monitorId, code) = await FindTaskAsync(request, db, tid, cancellationToken);
        if (monitorId is null) return OpenApiReply.Error(code);
        var actor = request.ActorFor(request.Get("username") ?? request.Caller.Name);
        var action = request.Get("action");
        if (action is not ("start" or "stop")) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "action");
        if (!await monitors.SetEnabledAsync(actor, monitorId.Value, action == "start", cancellationToken)) return OpenApiReply.Error(OpenApiCode.TaskNotFound);
        return OpenApiReply.Ok(new TaskSwitchData(tid, action == "stop"), "修改任务状态成功");
    }

    internal static async Task<IResult> DeleteTask(string tid, HttpContext context, ProbeDbContext db, MonitorService monitors, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (monitorId, code) = await FindTaskAsync(request, db, tid, cancellationToken);
        if (monitorId is null) return OpenApiReply.Error(code);
        // The task row goes with the monitor (foreign key, cascade).
        var actor = request.ActorFor(request.Get("username") ?? request.Caller.Name);
        if (!await monitors.DeleteAsync(actor, monitorId.Value, cancellationToken)) return OpenApiReply.Error(OpenApiCode.TaskNotFound);
        return OpenApiReply.Ok(new TaskIdData(tid), "删除监控任务成功");
    }

    /// <returns>The monitor of the acting user's task, or the seed's error code (20001 for another user's task).</returns>
    internal static async Task<(int? MonitorId, int Code)> FindTaskAsync(OpenApiRequest request, ProbeDbContext db, string tid, CancellationToken cancellationToken)
    {
        var (user, code) = await request.ActingUserAsync(db, cancellationToken);
        if (user is null) return (null, code);
        var monitorId = await db.OpenApiTasks
            .Where(t => t.Tid == tid && t.ClientId == request.Caller.ClientId && t.UserName == user)
            .Select(t => (int?)t.MonitorId).SingleOrDefaultAsync(cancellationToken);
        return monitorId is null ? (null, OpenApiCode.TaskNotFound) : (monitorId, OpenApiCode.Ok);
    }
}
