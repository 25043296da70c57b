using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.OpenApi;

namespace ProbeDashboard.Compat.OpenApi;

public sealed record OpenApiClientResponse(int Id, string ApiId, string Name, bool Partner, int TaskLimit, int Tasks, bool Revoked, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static OpenApiClientResponse From(OpenApiClientView v) => new(
        v.Client.Id, v.Client.ApiId, v.Client.Name, v.Client.IsPartner, v.Client.TaskLimit, v.Tasks, v.Client.RevokedAt != null, v.Client.CreatedAt, v.Client.RevokedAt);
}

/// <summary>The one answer that carries the api_key; it is never shown again.</summary>
public sealed record CreatedOpenApiClientResponse(int Id, string ApiId, string ApiKey, string Name, bool Partner, int TaskLimit, DateTime CreatedAt);

public sealed record CreateOpenApiClientRequest(string? Name, bool? Partner, int? TaskLimit);

/// <summary>Open-API clients under /api/v1/openapi-clients: administrators create (key shown once), list and revoke them.</summary>
public static class OpenApiClientsApi
{
    public const int DefaultTaskLimit = 50;

    public static void MapOpenApiClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/openapi-clients").RequireAuthorization(Permissions.Admin);
        group.MapGet("", ListClients);
        group.MapPost("", CreateClient);
        group.MapDelete("/{id:int}", RevokeClient);
    }

    internal static async Task<Ok<ApiEnvelope<List<OpenApiClientResponse>>>> ListClients(ClaimsPrincipal user, OpenApiClientService clients, CancellationToken cancellationToken)
    {
        var views = await clients.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(views.Select(OpenApiClientResponse.From).ToList()));
    }

    internal static async Task<Results<Created<ApiEnvelope<CreatedOpenApiClientResponse>>, BadRequest<ApiEnvelope>>> CreateClient(
        CreateOpenApiClientRequest? request, ClaimsPrincipal user, OpenApiClientService clients, CancellationToken cancellationToken)
    {
        var limit = request?.TaskLimit ?? DefaultTaskLimit;
        if (await clients.CreateAsync(user.ToActor(), request?.Name, request?.Partner ?? false, limit, cancellationToken) is not var (client, apiKey))
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid open-API client", new Dictionary<string, string[]>
            {
                ["name"] = ["is required, at most 200 characters"],
                ["task_limit"] = [$"from 0 to {OpenApiClientService.MaxTaskLimit}"],
            }));
        return TypedResults.Created($"/api/v1/openapi-clients/{client.Id}", ApiEnvelope.Ok(
            new CreatedOpenApiClientResponse(client.Id, client.ApiId, apiKey, client.Name, client.IsPartner, client.TaskLimit, client.CreatedAt)));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> RevokeClient(int id, ClaimsPrincipal user, OpenApiClientService clients, CancellationToken cancellationToken) =>
        await clients.RevokeAsync(user.ToActor(), id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("open-API client revoked"))
            : TypedResults.NotFound(ApiEnvelope.Error(404, $"open-API client {id} not found"));
}
