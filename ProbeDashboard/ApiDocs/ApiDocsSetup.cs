using Microsoft.OpenApi;

namespace ProbeDashboard.ApiDocs;

/// <summary>
/// The OpenAPI 3.1 document of /api/v1, served at <see cref="DocumentPath"/>. Not at the framework's default
/// /openapi/v1.json: /openapi/v1/... belongs to the open monitoring API of seed 004.
/// </summary>
public static class ApiDocsSetup
{
    public const string DocumentPath = "/api/v1/openapi.json";

    /// <summary>Ids in components.securitySchemes, named by each operation's requirements.</summary>
    public const string BearerScheme = "bearer";
    public const string AgentTokenScheme = "agentToken";

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            // /api/v1 and the push monitors' ping URLs; the compat APIs have their own contracts (the seeds).
            options.ShouldInclude = description => description.RelativePath is { } path
                && (path.StartsWith("api/v1/", StringComparison.Ordinal) || path.StartsWith("api/push/", StringComparison.Ordinal));
            options.AddOperationTransformer<SecurityRequirementTransformer>();
            options.AddSchemaTransformer<ChannelKindSchemaTransformer>();
            options.AddSchemaTransformer<Notifications.WebhookSchemaTransformer>();
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
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                };
                document.Components.SecuritySchemes[AgentTokenScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "Authorization",
                    Description = "An agent token from /api/v1/agent-tokens, sent as 'Authorization: Token <token>'.",
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>One scheme with the permissions (OpenAPI 3.1: role names) a caller must hold.</summary>
    public static OpenApiSecurityRequirement Requirement(string scheme, List<string> permissions, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = permissions };

    /// <summary>Anonymous: the document describes the API and holds no data, and clients read it before they have a token.</summary>
    public static void MapApiDocs(this WebApplication app) =>
        app.MapOpenApi(DocumentPath).AllowAnonymous();
}
