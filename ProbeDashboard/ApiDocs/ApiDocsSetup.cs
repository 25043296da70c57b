using Microsoft.OpenApi.Models;

namespace ProbeDashboard.ApiDocs;

/// <summary>
/// The OpenAPI document of /api/v1, served at <see cref="DocumentPath"/>. Not at the framework's default
/// /openapi/v1.json: /openapi/v1/... belongs to the open monitoring API of seed 004.
/// </summary>
public static class ApiDocsSetup
{
    public const string DocumentPath = "/api/v1/openapi.json";

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ProbeDashboard API",
                    Version = "v1",
                    Description = "Service monitors, probe history, availability, alert rules and events (seed 001). "
                        + "Get a token from POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'. "
                        + "Answers use the envelope {\"code\": 0, \"message\": \"success\", \"data\": ...}; errors carry a non-zero code.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                };
                document.SecurityRequirements.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
                });
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Anonymous: the document describes the API and holds no data, and clients read it before they have a token.</summary>
    public static void MapApiDocs(this WebApplication app) =>
        app.MapOpenApi(DocumentPath).AllowAnonymous();
}
