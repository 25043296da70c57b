using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ProbeDashboard.Api;

public static class ApiSetup
{
    /// <summary>The JSON shape of /api/v1: snake_case names, enums as numbers unless a wire type says otherwise.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        // Binding failures (malformed JSON, wrong types, `page=abc`) must reach UseApiErrors as exceptions in
        // every environment, not only Development, so they are answered in the envelope.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>
    /// Turns what escapes an /api/v1 handler into the envelope: unreadable bodies and bad parameters are the
    /// caller's fault (400, naming the offending JSON field), anything else is reported without internals (500).
    /// </summary>
    public static void UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var json = error as JsonException ?? error?.InnerException as JsonException;
            return error switch
            {
                _ when json is not null => ApiErrorWriter.WriteAsync(context, 400, "request body is not valid JSON",
                    new Dictionary<string, string[]> { [FieldOf(json)] = [JsonProblem(json)] }),
                BadHttpRequestException bad => ApiErrorWriter.WriteAsync(context, bad.StatusCode, bad.Message),
                _ => ApiErrorWriter.WriteAsync(context, 500, "internal error"),
            };
        }));
    }

    /// <summary>"$.execute_on.type" becomes "execute_on.type"; the whole body is "body".</summary>
    private static string FieldOf(JsonException json) =>
        json.Path is null or "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;

    private static string JsonProblem(JsonException json) =>
        json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type"
        : json.Message.Contains("missing required properties", StringComparison.Ordinal) ? json.Message.Split(" Path:")[0]
        : "is not valid JSON";
}
