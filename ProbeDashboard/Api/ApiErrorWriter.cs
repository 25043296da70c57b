using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Api;

/// <summary>Writes an error envelope from outside an endpoint (exception handler, authentication handler).</summary>
public static class ApiErrorWriter
{
    public static Task WriteAsync(HttpContext context, int status, string message,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ApiEnvelope.Error(status, message, errors), JsonOptionsFor(context),
            context.RequestAborted);
    }

    private static JsonSerializerOptions JsonOptionsFor(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
}
