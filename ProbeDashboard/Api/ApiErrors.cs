using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Json;

namespace ProbeDashboard.Api;

public static partial class ApiErrors
{
    /// <summary>
    /// Turns what escapes an /api/v1 handler into the envelope. Unreadable bodies and bad parameters are the
    /// caller's fault: 400 naming the offending JSON field, logged at Debug only (nobody needs to act). Anything
    /// else is logged by the exception handler and reported without internals (500).
    /// </summary>
    public static void UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(context =>
            context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
                ? WriteBadRequestAsync(context, bad)
                : ApiErrorWriter.WriteAsync(context, 500, "internal error")));

        // Answers routing produces without a body (unknown path 404, wrong method 405, body not JSON 415) get the
        // envelope too, so /api clients always find a code and a message.
        app.UseStatusCodePages(context => context.HttpContext.Request.Path.StartsWithSegments("/api")
            ? ApiErrorWriter.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode,
                StatusMessage(context.HttpContext.Response.StatusCode))
            : Task.CompletedTask);

        app.UseRereadableApiBodies();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors));
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
            {
                LogBadRequest(logger, context.Request.Method, context.Request.Path, bad.Message);
                await WriteBadRequestAsync(context, bad);
            }
            catch (AccessDeniedException denied) when (!context.Response.HasStarted && context.Request.Path.StartsWithSegments("/api"))
            {
                // A Core service refused the actor: the same check the UI meets, answered in the API's envelope.
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status403Forbidden, $"permission denied: requires {denied.Permission}");
            }
        });
    }

    private static string StatusMessage(int status) => status switch
    {
        StatusCodes.Status404NotFound => "no such API endpoint or resource",
        StatusCodes.Status405MethodNotAllowed => "method not allowed on this endpoint",
        StatusCodes.Status415UnsupportedMediaType => "request body must be JSON (Content-Type: application/json)",
        _ => ReasonPhrases.GetReasonPhrase(status).ToLowerInvariant(),
    };

    private static async Task WriteBadRequestAsync(HttpContext context, BadHttpRequestException bad)
    {
        if (bad.InnerException is not JsonException json)
        {
            await ApiErrorWriter.WriteAsync(context, bad.StatusCode, bad.Message);
            return;
        }
        var field = FieldOf(json);
        if (field == "body")
        {
            var problem = JsonProblem(json);
            await ApiErrorWriter.WriteAsync(context, 400, $"request body is not valid JSON: {problem}", new Dictionary<string, string[]> { ["body"] = [problem] });
            return;
        }
        var errors = await BodyFieldErrors.CollectAsync(context, JsonProblem) ?? new() { [field] = [JsonProblem(json)] };
        var message = "invalid request body: " + string.Join("; ", errors.Select(e => $"{e.Key} {e.Value[0]}"));
        await ApiErrorWriter.WriteAsync(context, 400, message, errors);
    }

    /// <summary>
    /// A value of the wrong type is reported under its field ("$.execute_on.type" becomes "execute_on.type");
    /// broken JSON syntax is a problem of the whole "body", wherever the parser noticed it.
    /// </summary>
    private static string FieldOf(JsonException json) =>
        !IsWrongType(json) || json.Path is null or "$" ? "body"
        : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;

    private static bool IsWrongType(JsonException json) =>
        json is WireValueException || json.Message.Contains("could not be converted", StringComparison.Ordinal);

    private static string JsonProblem(JsonException json) =>
        json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type"
        : json.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected {Method} {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, string reason);
}
