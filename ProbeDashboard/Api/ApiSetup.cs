using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

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
        return builder;
    }

    /// <summary>
    /// Turns what escapes an /api/v1 handler into the envelope: unreadable bodies and bad parameters are the
    /// caller's fault (400), anything else is logged and reported without internals (500).
    /// </summary>
    public static void UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, message) = error switch
            {
                BadHttpRequestException bad => (bad.StatusCode, BadRequestMessage(bad)),
                JsonException => (400, "request body is not valid JSON"),
                _ => (500, "internal error"),
            };
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(ApiEnvelope.Error(status, message), JsonOptionsFor(context));
        }));
    }

    private static string BadRequestMessage(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json ? $"request body is not valid JSON: {json.Message}" : bad.Message;

    private static JsonSerializerOptions JsonOptionsFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonOptions>>().Value.SerializerOptions;
}
