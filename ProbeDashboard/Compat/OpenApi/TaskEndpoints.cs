using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Monitors;

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

    internal static async Task<IResult> CreateTask(HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        if (request.Get("type") is not { } type || !type.Equals("HTTP", StringComparison.OrdinalIgnoreCase))
            return OpenApiReply.Error(OpenApiCode.UnsupportedType);
        var (name, url, serverIp, gid) = (request.Get("name"), request.Get("url"), request.Get("server_ip"), request.Get("gid"));
        if (name is null) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "name");
        if (url is null || !MonitorTargetRules.IsHttpUrl(url)) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "url");
        if (serverIp is not null && !System.Net.IPAddress.TryParse(serverIp, out _)) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "server_ip");

        var created = await tasks.CreateAsync(request.ActorFor(user), request.Caller, user, new OpenApiTaskRequest(name, url, serverIp, gid),
            request.Origin(user), cancellationToken);
        return created.Refusal switch
        {
            TaskRefusal.InvalidParameter => OpenApiReply.Error(OpenApiCode.InvalidParameter, created.Field),
            TaskRefusal.LimitReached => OpenApiReply.Error(OpenApiCode.TaskLimitReached),
            TaskRefusal.Exists => OpenApiReply.Error(OpenApiCode.TaskExists),
            _ => OpenApiReply.Ok(new TaskIdData(created.Tid!), "创建监控任务成功"),
        };
    }

    internal static async Task<IResult> ListTasks(HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var offset = 0;
        if (request.Get("offset") is { } text && (!int.TryParse(text, out offset) || offset < 0))
            return OpenApiReply.Error(OpenApiCode.InvalidParameter, "offset");
        var (total, page) = await tasks.ListAsync(request.ActorFor(user), request.Caller.ClientId, user, offset, PageSize, cancellationToken);
        return OpenApiReply.Ok(new TaskListData(total, [.. page.Select(t => new TaskListItem(t.Tid, !t.Enabled, t.Url, t.Name))]));
    }

    internal static async Task<IResult> SwitchTask(string tid, HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, MonitorService monitors, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (monitorId, code) = await FindTaskAsync(request, users, tasks, tid, cancellationToken);
        if (monitorId is null) return OpenApiReply.Error(code);
        var actor = request.ActorFor(request.Get("username") ?? request.Caller.Name);
        var action = request.Get("action");
        if (action is not ("start" or "stop")) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "action");
        if (!await monitors.SetEnabledAsync(actor, monitorId.Value, action == "start", cancellationToken)) return OpenApiReply.Error(OpenApiCode.TaskNotFound);
        return OpenApiReply.Ok(new TaskSwitchData(tid, action == "stop"), "修改任务状态成功");
    }

    internal static async Task<IResult> DeleteTask(string tid, HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, MonitorService monitors, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (monitorId, code) = await FindTaskAsync(request, users, tasks, tid, cancellationToken);
        if (monitorId is null) return OpenApiReply.Error(code);
        // The task row goes with the monitor (foreign key, cascade).
        var actor = request.ActorFor(request.Get("username") ?? request.Caller.Name);
        if (!await monitors.DeleteAsync(actor, monitorId.Value, cancellationToken)) return OpenApiReply.Error(OpenApiCode.TaskNotFound);
        return OpenApiReply.Ok(new TaskIdData(tid), "删除监控任务成功");
    }

    /// <returns>The monitor of the acting user's task, or the seed's error code (20001 for another user's task).</returns>
    internal static async Task<(int? MonitorId, int Code)> FindTaskAsync(OpenApiRequest request, OpenApiUserService users, OpenApiTaskService tasks, string tid, CancellationToken cancellationToken)
    {
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return (null, code);
        var owned = await tasks.MonitorsOfAsync(request.ActorFor(user), request.Caller.ClientId, user, [tid], cancellationToken);
        return owned.TryGetValue(tid, out var monitorId) ? (monitorId, OpenApiCode.Ok) : (null, OpenApiCode.TaskNotFound);
    }
}
