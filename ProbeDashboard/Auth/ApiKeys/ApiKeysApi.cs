using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Accounts.ApiKeys;

namespace ProbeDashboard.Auth.ApiKeys;

/// <summary>
/// /api/v1/api-keys: each person manages their own keys; admins list (<c>?all=true</c>) and revoke everyone's. A key
/// cannot manage keys: these endpoints need the person's own sign-in (cookie or token).
/// </summary>
public static class ApiKeysApi
{
    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").RequireAuthorization(AccountPolicies.Personal).WithTags("API keys");
        group.MapGet("", ListKeys).WithSummary("Your API keys; all users' with all=true (administrators)");
        group.MapPost("", CreateKey).WithSummary("Make an API key with some of your permissions; the key is in this answer only");
        group.MapDelete("/{id:int}", RevokeKey).WithSummary("Revoke an API key; it stops working at once");
    }

    internal static async Task<Ok<ApiEnvelope<List<ApiKeyResponse>>>> ListKeys(bool? all, ClaimsPrincipal user, ApiKeyService keys, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var list = await keys.ListAsync(user.ToActor(), all == true, cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(list.Select(k => ApiKeyResponse.From(k, now)).ToList()));
    }

    internal static async Task<Results<Created<ApiEnvelope<CreatedApiKeyResponse>>, BadRequest<ApiEnvelope>>> CreateKey(
        CreateApiKeyRequest? request, ClaimsPrincipal user, ApiKeyService keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await keys.CreateAsync(user.ToActor(), request?.Name, request?.Scopes, request?.ExpiresAt, cancellationToken);
        if (result.Key is not { } created)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, result.Message, result.Errors));
        var response = ApiKeyResponse.From(created, time.GetUtcNow().UtcDateTime);
        return TypedResults.Created($"/api/v1/api-keys/{response.Id}", ApiEnvelope.Ok(new CreatedApiKeyResponse(response, result.Secret!)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<ApiKeyResponse>>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> RevokeKey(
        int id, ClaimsPrincipal user, ApiKeyService keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await keys.RevokeAsync(user.ToActor(), id, cancellationToken);
        return result.Failure switch
        {
            ApiKeyFailure.None => TypedResults.Ok(ApiEnvelope.Ok(ApiKeyResponse.From(result.Key!, time.GetUtcNow().UtcDateTime))),
            ApiKeyFailure.Conflict => TypedResults.Conflict(ApiEnvelope.Error(409, result.Message)),
            _ => TypedResults.NotFound(ApiEnvelope.Error(404, result.Message)),
        };
    }
}
