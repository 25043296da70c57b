using System.Text.Json;
using ProbeDashboard.Core.Agents.Protocol;

namespace ProbeDashboard.Agents;

/// <summary>Answers of the agent paths, always in seed 003's envelope with camelCase JSON.</summary>
internal static class AgentResults
{
    public static IResult Ok<T>(T data, int httpStatus = StatusCodes.Status200OK) =>
        Results.Json(AgentEnvelope.Ok(data), AgentJson.Options, statusCode: httpStatus);

    public static IResult Error(int status, string message) =>
        Results.Json(AgentEnvelope.Error(status, message), AgentJson.Options, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult UnknownAgent(string which) => Error(StatusCodes.Status404NotFound, $"unknown agent {which}: register first");

    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. Agent handlers bind bodies themselves, so a malformed body is
    /// answered here in the agent envelope rather than by the /api/v1 binding error handler.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, AgentJson.Options, cancellationToken);
            return value is null ? (null, BadRequest("request body is required")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"request body is not valid JSON: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}"));
        }
    }
}

/// <summary>Marks an endpoint that takes an agent's <c>Authorization: Token</c>; the API document lists it under that scheme.</summary>
public sealed class AgentTokenMetadata;

/// <summary>
/// Guards the agent paths: <c>Authorization: Token &lt;token&gt;</c> of a token that exists and is not revoked,
/// else 401 in the agent envelope. Anything a handler throws is answered in the same envelope.
/// </summary>
internal sealed partial class AgentTokenFilter(Core.Agents.AgentTokenService tokens, ILogger<AgentTokenFilter> logger) : IEndpointFilter
{
    public const string Scheme = "Token ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!await IsAuthorizedAsync(http, tokens))
            return AgentResults.Error(StatusCodes.Status401Unauthorized, "invalid or revoked agent token: send Authorization: Token <token>");
        // No agent name or value holds a NUL, and PostgreSQL refuses one in a text parameter (a 500 deep in a query).
        if (http.Request.Query.FirstOrDefault(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)) is { Key: { } name })
            return AgentResults.Error(StatusCodes.Status400BadRequest, $"query parameter {name.Replace("\0", "\\0")} contains a NUL character");
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, e, http.Request.Method, http.Request.Path);
            return AgentResults.Error(StatusCodes.Status500InternalServerError, "internal error");
        }
    }

    public static async Task<bool> IsAuthorizedAsync(HttpContext http, Core.Agents.AgentTokenService tokens)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
               && await tokens.IsValidAsync(header[Scheme.Length..], http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent request {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, string method, string path);
}
