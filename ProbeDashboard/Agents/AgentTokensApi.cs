using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Agents;

public sealed record AgentTokenResponse(int Id, string Name, string Prefix, bool Revoked, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt)
{
    public static AgentTokenResponse From(AgentToken t) => new(t.Id, t.Name, t.Prefix, t.RevokedAt is not null, t.CreatedAt, t.RevokedAt, t.LastUsedAt);
}

/// <summary>The one answer that carries the plain token; it is never shown again.</summary>
public sealed record CreatedAgentTokenResponse(int Id, string Name, string Prefix, string Token, DateTime CreatedAt);

public sealed record CreateAgentTokenRequest(string? Name);

/// <summary>Agent tokens under /api/v1/agent-tokens: administrators create (shown once), list and revoke them.</summary>
public static class AgentTokensApi
{
    public static void MapAgentTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agent-tokens").RequireAuthorization(Permissions.Admin);
        group.MapGet("", ListTokens);
        group.MapPost("", CreateToken);
        group.MapDelete("/{id:int}", RevokeToken);
    }

    internal static async Task<Ok<ApiEnvelope<List<AgentTokenResponse>>>> ListTokens(ClaimsPrincipal user, AgentTokenService tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(list.OrderBy(t => t.Id).Select(AgentTokenResponse.From).ToList()));
    }

    internal static async Task<Results<Created<ApiEnvelope<CreatedAgentTokenResponse>>, BadRequest<ApiEnvelope>>> CreateToken(
        CreateAgentTokenRequest? request, ClaimsPrincipal user, AgentTokenService tokens, CancellationToken cancellationToken)
    {
        if (await tokens.CreateAsync(user.ToActor(), request?.Name, cancellationToken) is not var (token, secret))
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid agent token: name",
                new Dictionary<string, string[]> { ["name"] = ["is required, at most 200 characters"] }));
        return TypedResults.Created($"/api/v1/agent-tokens/{token.Id}",
            ApiEnvelope.Ok(new CreatedAgentTokenResponse(token.Id, token.Name, token.Prefix, secret, token.CreatedAt)));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> RevokeToken(int id, ClaimsPrincipal user, AgentTokenService tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(user.ToActor(), id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("agent token revoked"))
            : TypedResults.NotFound(ApiEnvelope.Error(404, $"agent token {id} not found"));
}
