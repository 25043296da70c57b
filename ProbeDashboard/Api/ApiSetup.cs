using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using ProbeDashboard.Core.Json;

namespace ProbeDashboard.Api;

public static class ApiSetup
{
    /// <summary>The JSON shape of /api/v1: snake_case names, enums as numbers unless a wire type says otherwise.</summary>
    public static void ConfigureJson(JsonSerializerOptions options) => WireJson.Configure(options);

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        // Binding failures (malformed JSON, wrong types, `page=abc`) must reach UseApiErrors as exceptions in
        // every environment, not only Development, so they are answered in the envelope.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}
