using System.Text.Json;
using System.Text.Json.Serialization;
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
        // "duration": "60" is a wrong type, not a number: the contract is strict about JSON types.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new UtcTimeJsonConverter());
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
}
