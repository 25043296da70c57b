using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Accounts.Sessions;

namespace ProbeDashboard.Auth.Sessions;

/// <summary>
/// /api/v1/auth/sessions: the signed-in browsers and API tokens of the person asking, and ending them. Like API keys,
/// these need the person's own sign-in: an API key cannot end its owner's sessions.
/// </summary>
public static class SessionsApi
{
    public static void MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/sessions").RequireAuthorization(AccountPolicies.Personal).WithTags("Sessions");
        group.MapGet("", ListSessions).WithSummary("Your signed-in browsers and API tokens that are still on; current marks the one asking");
        group.MapDelete("/{id:int}", EndSession).WithSummary("End one of your sessions: its browser is signed out, its token stops working");
        group.MapPost("/end-others", EndOtherSessions).WithSummary("End all your sessions but the one asking");
    }

    internal static async Task<Ok<ApiEnvelope<List<SessionResponse>>>> ListSessions(ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken)
    {
        var list = await sessions.ListAsync(user.ToActor(), user.SessionKey(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(list.Select(SessionResponse.From).ToList()));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> EndSession(
        int id, ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.EndAsync(user.ToActor(), id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success())
            : TypedResults.NotFound(ApiEnvelope.Error(404, "session not found or already ended"));

    internal static async Task<Ok<ApiEnvelope<EndedSessionsResponse>>> EndOtherSessions(ClaimsPrincipal user, SessionService sessions,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiEnvelope.Ok(new EndedSessionsResponse(
            await sessions.EndOthersAsync(user.ToActor(), user.SessionKey(), "ended by the user", cancellationToken))));
}

/// <param name="Kind">"browser" (a sign-in cookie) or "api_token" (a token from POST /api/v1/auth/token).</param>
/// <param name="Device">The client's User-Agent as it signed in.</param>
/// <param name="Current">This is the session the request came with.</param>
public sealed record SessionResponse(int Id, string Kind, string? Device, string? Address, DateTime CreatedAt, DateTime LastSeenAt,
    DateTime? ExpiresAt, bool Current)
{
    public static SessionResponse From(SessionView view) => new(view.Id, view.Kind == SessionKind.Browser ? "browser" : "api_token",
        view.Device, view.Address, view.CreatedAt, view.LastSeenAt, view.ExpiresAt, view.Current);
}

/// <param name="Ended">How many sessions were ended.</param>
public sealed record EndedSessionsResponse(int Ended);
