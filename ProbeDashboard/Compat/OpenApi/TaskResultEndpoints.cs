using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Compat.OpenApi;

/// <summary>One hour of a result series: its local start ("2026-11-22 13:00") and the value, null without rounds.</summary>
public sealed record HourPoint(string Time, double? Value);

public sealed record RealtimeData(int Status, double AvgRespTime, IReadOnlyDictionary<string, double> NodeResp)
{
    public static RealtimeData Of(TaskRealtime realtime) => new((int)realtime.Status, realtime.AvgRespTime, realtime.NodeResp);
}

/// <summary>Seed 004 results: hourly figures, realtime state of one or many tasks, and the per-state summary.</summary>
public static class TaskResultEndpoints
{
    public const int MaxTidsPerRequest = 100;

    public static void MapTaskResultEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/task/{tid}/result/", GetResult);
        group.MapGet("/task/{tid}/realtime_res/", GetRealtime);
        group.MapPost("/task/multi_realtime_res/", GetMultiRealtime);
        group.MapGet("/task/user_summary/", GetUserSummary);
    }

    internal static async Task<IResult> GetResult(string tid, HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, TaskResults results, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (monitorId, code) = await TaskEndpoints.FindTaskAsync(request, users, tasks, tid, cancellationToken);
        if (monitorId is null) return OpenApiReply.Error(code);
        var (latency, usable, errors) = (request.Get("avg_resp_time"), request.Get("usable_rate"), request.Get("error_percent"));
        if (latency is null && usable is null && errors is null)
            return OpenApiReply.Error(OpenApiCode.InvalidParameter, "avg_resp_time, usable_rate or error_percent");
        var data = new Dictionary<string, object?>();
        foreach (var (name, value, days) in new[] { ("avg_resp_time", latency, "01"), ("usable_rate", usable, "01"), ("error_percent", errors, "017") })
        {
            if (value is null) continue;
            if (value.Length != 1 || !days.Contains(value[0])) return OpenApiReply.Error(OpenApiCode.InvalidParameter, name);
            var day = value[0] - '0';
            data[name] = name == "error_percent"
                ? await results.ErrorShareAsync(monitorId.Value, day, cancellationToken)
                : (await results.HoursOfDayAsync(monitorId.Value, day, cancellationToken))
                    .Select(h => new HourPoint(h.LocalHour.ToString("yyyy-MM-dd HH:mm"), name == "usable_rate"
                        ? Round(h.Point.Total == 0 ? null : (double)h.Point.Successes / h.Point.Total, 4)
                        : Round(h.Point.AverageLatencyMs, 2)))
                    .ToList();
        }
        return OpenApiReply.Ok(data);
    }

    internal static async Task<IResult> GetRealtime(string tid, HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, MonitorQueries monitors, TaskRealtimeReader reader, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (monitorId, code) = await TaskEndpoints.FindTaskAsync(request, users, tasks, tid, cancellationToken);
        if (monitorId is null) return OpenApiReply.Error(code);
        var actor = request.ActorFor(request.Get("username") ?? request.Caller.Name);
        if (await monitors.FindAsync(actor, monitorId.Value, cancellationToken) is not { Enabled: true }) return OpenApiReply.Error(OpenApiCode.TaskPaused);
        var realtime = await reader.ReadAsync([monitorId.Value], cancellationToken);
        return OpenApiReply.Ok(RealtimeData.Of(realtime.GetValueOrDefault(monitorId.Value) ?? TaskRealtime.Unknown));
    }

    /// <summary>
    /// <c>tids</c> as repeated fields, comma-separated, or a JSON/Python list literal. Tasks the user does not own are
    /// left out; paused ones report state 3.
    /// </summary>
    internal static async Task<IResult> GetMultiRealtime(HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, TaskRealtimeReader reader, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var tids = request.GetAll("tids").Concat(request.GetAll("tids[]"))
            .SelectMany(v => v.Split([',', '[', ']', '"', '\'', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Distinct().ToList();
        if (tids.Count is 0 or > MaxTidsPerRequest) return OpenApiReply.Error(OpenApiCode.InvalidParameter, "tids");
        var owned = await tasks.MonitorsOfAsync(request.ActorFor(user), request.Caller.ClientId, user, tids, cancellationToken);
        var realtime = await reader.ReadAsync([.. owned.Values], cancellationToken);
        var data = owned.ToDictionary(t => t.Key, t => RealtimeData.Of(realtime.GetValueOrDefault(t.Value) ?? TaskRealtime.Unknown));
        return OpenApiReply.Ok(data);
    }

    internal static async Task<IResult> GetUserSummary(HttpContext context, OpenApiUserService users, OpenApiTaskService tasks, TaskRealtimeReader reader, CancellationToken cancellationToken)
    {
        var request = OpenApiRequest.Of(context);
        var (user, code) = await request.ActingUserAsync(users, cancellationToken);
        if (user is null) return OpenApiReply.Error(code);
        var owned = await tasks.MonitorsOfAsync(request.ActorFor(user), request.Caller.ClientId, user, tids: null, cancellationToken);
        var realtime = await reader.ReadAsync([.. owned.Values], cancellationToken);
        var data = Enum.GetValues<TaskState>().ToDictionary(s => ((int)s).ToString(), _ => new List<string>());
        foreach (var (tid, monitorId) in owned)
            data[((int)(realtime.GetValueOrDefault(monitorId) ?? TaskRealtime.Unknown).Status).ToString()].Add(tid);
        return OpenApiReply.Ok(data);
    }

    private static double? Round(double? value, int digits) => value is null ? null : Math.Round(value.Value, digits);
}
