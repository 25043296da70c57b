using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Security;

namespace ProbeDashboard.Compat.OpenApi;

/// <summary>The open monitoring API of seed 004 under /openapi/v1, a thin layer over monitors, results and notifications.</summary>
public static partial class OpenApiSetup
{
    public static WebApplicationBuilder AddOpenMonitoringApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenApiOptions>().BindConfiguration(OpenApiOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.TimeZone) || TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "OpenApi:TimeZone is not a known time zone id")
            .ValidateOnStart();
        builder.Services.AddSingleton<OpenApiClientService>();
        builder.Services.AddSingleton<OpenApiUserService>();
        builder.Services.AddSingleton<ReplayCache>();
        builder.Services.AddSingleton<OpenApiAuthenticator>();
        builder.Services.AddSingleton<TaskRealtimeReader>();
        builder.Services.AddSingleton<TaskResults>();
        builder.Services.AddSingleton<OpenApiTaskService>();
        return builder;
    }

    public static void MapOpenMonitoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/openapi/v1").AllowAnonymous().AddEndpointFilter(AuthenticateAsync)
            .RequireRateLimiting(RateLimitPolicies.Compat)
            .AnswerRateLimitWith((context, message) => OpenApiReply.TooManyRequests(message).ExecuteAsync(context));
        group.MapTaskEndpoints();
        group.MapTaskResultEndpoints();
        group.MapUserEndpoints();
        app.MapOpenApiClientsApi();
    }

    /// <summary>Signature first, then the handler; whatever escapes it is code 1000, never another API's envelope.</summary>
    private static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        try
        {
            var authenticator = context.RequestServices.GetRequiredService<OpenApiAuthenticator>();
            var (request, code) = await authenticator.AuthenticateAsync(context, context.RequestAborted);
            if (request is null)
            {
                LogRefused(Logger(context), context.Request.Path.Value ?? "", code);
                return OpenApiReply.Error(code);
            }
            context.Items[typeof(OpenApiRequest)] = request;
            return await next(invocation);
        }
        catch (Exception error) when (error is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(Logger(context), error, context.Request.Path.Value ?? "");
            return OpenApiReply.Error(OpenApiCode.InternalError);
        }
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ProbeDashboard.Compat.OpenApi");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Open API request to {Path} refused with code {Code}")]
    private static partial void LogRefused(ILogger logger, string path, int code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Open API request to {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, string path);
}
