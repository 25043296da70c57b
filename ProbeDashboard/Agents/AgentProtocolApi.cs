using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Security;

namespace ProbeDashboard.Agents;

/// <summary>
/// Seed 003 (register, start/stop, report upload) and this product's task and result paths for agents.
/// Token-authenticated, answered in <c>{"status","msg","data"}</c>, errors included; the profiles path is in <see cref="ProfilesApi"/>.
/// </summary>
public static class AgentProtocolApi
{
    public static void MapAgentProtocolApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").AllowAnonymous().AddEndpointFilter<AgentTokenFilter>().WithMetadata(new AgentTokenMetadata())
            .RequireRateLimiting(RateLimitPolicies.Agent)
            .AnswerRateLimitWith((context, message) => AgentResults.Error(StatusCodes.Status429TooManyRequests, message).ExecuteAsync(context));
        group.MapPost("/agent/register", Register);
        group.MapGet("/engine/startstop", GetStartStop);
        group.MapPost("/report/upload", AgentReportApi.Upload);
        group.MapGet("/agent/tasks", GetTasks);
        group.MapPost("/agent/results", AgentResultsApi.UploadResults);
    }

    internal static async Task<IResult> Register(HttpRequest request, AgentRegistrar registrar, CancellationToken cancellationToken)
    {
        var (body, problem) = await AgentResults.ReadBodyAsync<RegisterRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        var result = await registrar.RegisterAsync(body!, cancellationToken);
        if (result.HostId is { } id) return AgentResults.Ok(new RegisterResponse(id), StatusCodes.Status201Created);
        var message = string.Join("; ", result.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
        return result.Conflict ? AgentResults.Error(StatusCodes.Status409Conflict, message) : AgentResults.BadRequest(message);
    }

    internal static async Task<IResult> GetStartStop(string? agentName, AgentService agents, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(agentName)) return AgentResults.BadRequest("agentName is required");
        var name = agentName.Trim();
        var command = await agents.CommandAsync(AgentActors.For(name), name, cancellationToken);
        if (command is null) return AgentResults.UnknownAgent($"'{name}'");
        return AgentResults.Ok(new StartStopResponse(command == AgentCommand.Stop ? "stop" : "start"));
    }

    /// <summary>The agent's monitors with an ETag; <c>If-None-Match</c> with the current version answers 304 with no body.</summary>
    internal static async Task<IResult> GetTasks(HttpContext context, AgentTaskCatalog catalog, CancellationToken cancellationToken)
    {
        if (!int.TryParse(context.Request.Query["agentId"], out var agentId) || agentId < 1)
            return AgentResults.BadRequest("agentId must be a positive integer");
        var known = context.Request.Headers.IfNoneMatch.ToString().Trim().Trim('"');
        var list = await catalog.GetAsync(agentId, known.Length == 0 ? null : known, cancellationToken);
        if (list is null) return AgentResults.UnknownAgent(agentId.ToString(CultureInfo.InvariantCulture));
        context.Response.Headers[HeaderNames.ETag] = $"\"{list.Version}\"";
        return list.Monitors is null ? Results.StatusCode(StatusCodes.Status304NotModified) : AgentResults.Ok(list);
    }
}

internal static class AgentReportApi
{
    /// <summary>Seed 003 upload: 1 heartbeat, 17 dependency component, 36 method calls.</summary>
    internal static async Task<IResult> Upload(
        HttpRequest request, AgentService agents, HeartbeatRecorder heartbeats, AgentReports reports, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await AgentResults.ReadBodyAsync<JsonDocument>(request, cancellationToken);
        if (problem is not null) return problem;
        using var document = body!;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return AgentResults.BadRequest("request body must be an object with type and detail");
        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.Number || !typeElement.TryGetInt32(out var type))
            return AgentResults.BadRequest("type is required and must be an integer");
        if (type is not (ReportTypes.Heartbeat or ReportTypes.Component or ReportTypes.MethodCall))
            return AgentResults.BadRequest($"unknown report type {type}: expected 1 (heartbeat), 17 (component) or 36 (method calls)");
        if (!root.TryGetProperty("detail", out var detail)) return AgentResults.BadRequest("detail is required");

        try
        {
            var agentId = ReportDetail.AgentId(detail);
            var id = agentId.ToString(CultureInfo.InvariantCulture);
            if (!await agents.IsAgentAsync(AgentActors.For("#" + id), agentId, cancellationToken)) return AgentResults.UnknownAgent(id);
            var now = time.GetUtcNow().UtcDateTime;
            switch (type)
            {
                case ReportTypes.Heartbeat:
                    await heartbeats.RecordAsync(agentId, ReportDetail.Heartbeat(detail, now), cancellationToken);
                    break;
                case ReportTypes.Component:
                    await reports.StoreComponentAsync(ReportDetail.Component(detail, agentId, now), cancellationToken);
                    break;
                default:
                    await reports.StoreMethodCallAsync(ReportDetail.MethodCall(detail, agentId, now), cancellationToken);
                    break;
            }
        }
        catch (MalformedReportException e)
        {
            return AgentResults.BadRequest(e.Message);
        }
        return AgentResults.Ok<object?>(null);
    }
}
