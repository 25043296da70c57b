using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.ConfigTransfer;

namespace ProbeDashboard.ConfigTransfer;

/// <summary>
/// <c>GET /api/v1/config/export</c> and <c>POST /api/v1/config/import</c>: configuration as a file to keep in git.
/// Administrators only: the document names every target and recipient (and secrets when asked).
/// </summary>
public static class ConfigTransferApi
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static WebApplicationBuilder AddConfigTransfer(this WebApplicationBuilder builder)
    {
        builder.Services.AddConfigTransfer();
        return builder;
    }

    public static void MapConfigTransferApi(this IEndpointRouteBuilder app)
    {
        var config = app.MapGroup("/api/v1/config").RequireAuthorization(Permissions.Admin);
        config.MapGet("/export", ExportConfig);
        config.MapPost("/import", ImportConfig);
    }

    /// <param name="format">json (default) or yaml.</param>
    /// <param name="includeSecrets">true to include webhook secrets in clear.</param>
    private static async Task<Results<ContentHttpResult, BadRequest<ApiEnvelope>>> ExportConfig(
        ClaimsPrincipal user, ConfigTransferService transfer, CancellationToken cancellationToken, string? format = null, [FromQuery(Name = "include_secrets")] bool includeSecrets = false)
    {
        if (format is not (null or "json" or "yaml")) return Invalid("format", "format must be json or yaml");
        var document = await transfer.ExportAsync(user.ToActor(), includeSecrets, cancellationToken);
        return format == "yaml"
            ? TypedResults.Text(ConfigYaml.Write(document), "application/yaml")
            : TypedResults.Text(document.ToJsonString(ConfigJson.Options) + "\n", "application/json");
    }

    /// <summary>The body is the document, as JSON or (with a YAML content type or <c>format=yaml</c>) YAML.</summary>
    /// <param name="dryRun">true to validate and count without changing anything.</param>
    private static async Task<Results<Ok<ApiEnvelope<ImportResult>>, BadRequest<ApiEnvelope>>> ImportConfig(
        HttpRequest request, ClaimsPrincipal user, ConfigTransferService transfer, CancellationToken cancellationToken, string? format = null, [FromQuery(Name = "dry_run")] bool dryRun = false)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var yaml = format == "yaml" || YamlTypes.Any(t => request.ContentType?.StartsWith(t, StringComparison.OrdinalIgnoreCase) == true);
        JsonNode? document;
        try
        {
            document = ConfigDocument.Parse(text, yaml);
        }
        catch (FormatException e)
        {
            return Invalid("body", $"body: {e.Message}");
        }
        if (document is not JsonObject root) return Invalid("body", "the document must be an object with the configuration sections");

        var result = await transfer.ImportAsync(user.ToActor(), root, dryRun, cancellationToken);
        if (result.Errors.Count > 0)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, $"import refused, nothing was changed: {result.Errors.Count} problems", result.Errors));
        return TypedResults.Ok(ApiEnvelope.Ok(result, dryRun ? "dry run: nothing was changed" : "configuration imported"));
    }

    private static BadRequest<ApiEnvelope> Invalid(string field, string message) =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, message, new Dictionary<string, string[]> { [field] = [message] }));
}
