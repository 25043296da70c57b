using System.Text.Json;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Compat.IpLive;

namespace ProbeDashboard.Compat.IpLive;

/// <summary>
/// Seed 002's five paths (under the configured prefix), answered as <c>{"code": N, "msg": "...", "data": ...}</c>
/// with the seed's codes, errors included; nothing another API uses leaks in here.
/// </summary>
public static partial class IpLiveApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void MapIpLiveApi(this WebApplication app)
    {
        var prefix = app.Services.GetRequiredService<IOptions<IpLiveOptions>>().Value.RoutePrefix();
        var group = app.MapGroup(prefix).AllowAnonymous().DisableAntiforgery();
        group.MapPost("/operate_monitor", Operate);
        group.MapPost("/update_monitor", Update);
        group.MapPost("/stop_monitor", Stop);
        group.MapPost("/add_node", AddNode);
        group.MapPost("/deal", Deal);
    }

    internal static Task<IResult> Operate(HttpContext http, IpLiveApps apps, IpLiveGroups groups) =>
        RunAsync(http, async (p, ct) =>
        {
            var (app, refusal) = await AuthorizeAsync(http, p, apps, ct);
            return refusal ?? await groups.OperateAsync(app!, IpLiveGroupSpec.Read(p), ct);
        });

    internal static Task<IResult> Update(HttpContext http, IpLiveApps apps, IpLiveGroups groups) =>
        RunAsync(http, async (p, ct) =>
        {
            var (app, refusal) = await AuthorizeAsync(http, p, apps, ct);
            return refusal ?? await groups.UpdateRecordAsync(app!, p.RequiredLong("group_id"), p.RequiredLong("record_id"), p.Required("ip"), ct);
        });

    internal static Task<IResult> Stop(HttpContext http, IpLiveApps apps, IpLiveGroups groups) =>
        RunAsync(http, async (p, ct) =>
        {
            var (app, refusal) = await AuthorizeAsync(http, p, apps, ct);
            return refusal ?? await groups.StopAsync(app!, p.RequiredLong("group_id"), ct);
        });

    /// <summary>add_node names no app: the token of any app may add nodes.</summary>
    internal static Task<IResult> AddNode(HttpContext http, IpLiveApps apps, IpLiveNodes nodes) =>
        RunAsync(http, async (p, ct) =>
            !await apps.IsAnyAppTokenAsync(IpLiveRequest.Token(http.Request, p), ct)
                ? IpLiveOutcome.BadToken
                : await nodes.AddAsync(p.Required("node_ip"), p.Required("passwd"), ct));

    /// <summary>deal is the node's own call: its token is the node's passwd, which also says whose results these are.</summary>
    internal static Task<IResult> Deal(HttpContext http, IpLiveNodes nodes, IpLiveDeal deal) =>
        RunAsync(http, async (p, ct) =>
            await nodes.HostOfAsync(IpLiveRequest.Token(http.Request, p), ct) is { } hostId
                ? await deal.IngestAsync(hostId, p, ct)
                : IpLiveOutcome.BadToken);

    private static async Task<(IpLiveApp? App, IpLiveOutcome? Refusal)> AuthorizeAsync(
        HttpContext http, IpLiveParams p, IpLiveApps apps, CancellationToken cancellationToken) =>
        await apps.AuthorizeAsync(p.Required("app_name"), IpLiveRequest.Token(http.Request, p), cancellationToken);

    private static async Task<IResult> RunAsync(HttpContext http, Func<IpLiveParams, CancellationToken, Task<IpLiveOutcome>> call)
    {
        var cancellationToken = http.RequestAborted;
        IpLiveOutcome outcome;
        try
        {
            outcome = await call(await IpLiveRequest.ReadAsync(http.Request, cancellationToken), cancellationToken);
        }
        catch (IpLiveParamException e)
        {
            outcome = e.Outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IpLiveApi)), e, http.Request.Path);
            outcome = new IpLiveOutcome(IpLiveCode.UnknownError, "Unknow Error");
        }
        return Results.Json(new IpLiveAnswer((int)outcome.Code, outcome.Msg, outcome.Data), Json, statusCode: HttpStatus(outcome.Code));
    }

    /// <summary>Clients read <c>code</c>; the HTTP status says the same for proxies and logs.</summary>
    public static int HttpStatus(IpLiveCode code) => code switch
    {
        IpLiveCode.Ok => StatusCodes.Status200OK,
        IpLiveCode.MissingParam or IpLiveCode.InvalidParam => StatusCodes.Status400BadRequest,
        IpLiveCode.BadToken => StatusCodes.Status401Unauthorized,
        IpLiveCode.UnknownApp => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status500InternalServerError,
    };

    private sealed record IpLiveAnswer(int Code, string Msg, object? Data);

    [LoggerMessage(Level = LogLevel.Error, Message = "iplive call {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, string path);
}
