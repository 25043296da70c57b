using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.ApiDocs;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Agents;

/// <summary>A hook-rule profile in seed 003's shape; <c>id</c> and <c>language</c> are added for administration.</summary>
public sealed record ProfileWire(int Id, string Language, int Type, int Enable, string Value, IReadOnlyList<ProfileDetailWire> Details)
{
    public static ProfileWire From(HookProfile p) => new(p.Id, p.Language, p.Type, p.Enable ? 1 : 0, p.Value,
        p.Details.Items.Select(d => new ProfileDetailWire(d.Source, d.Track, d.Target, d.Value, d.Inherit)).ToList());
}

public sealed record ProfileDetailWire(string? Source, string? Track, string? Target, string? Value, string? Inherit);

/// <summary>Seed 003 agent view: exactly type, enable, value, details.</summary>
public sealed record AgentProfileWire(int Type, int Enable, string Value, IReadOnlyList<ProfileDetailWire> Details);

public sealed record ProfileRequest(string? Language, int? Type, int? Enable, string? Value, IReadOnlyList<ProfileDetailWire>? Details);

/// <summary>
/// <c>GET /api/v1/profiles?language=</c> answers an agent (Authorization: Token) in seed 003's envelope and an
/// administrator (Bearer) in seed 001's; create, update and delete are for administrators.
/// </summary>
public static class ProfilesApi
{
    public static void MapProfilesApi(this IEndpointRouteBuilder app)
    {
        // Anonymous to the authorization layer because agents use their own token; the handler checks both kinds.
        app.MapGet("/api/v1/profiles", ListProfiles).AllowAnonymous().WithMetadata(new AgentTokenMetadata())
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                (operation.Security ??= []).Add(ApiDocsSetup.Requirement(ApiDocsSetup.BearerScheme, [Permissions.Admin], context.Document));
                return Task.CompletedTask;
            });
        var admin = app.MapGroup("/api/v1/profiles").RequireAuthorization(Permissions.Admin);
        admin.MapPost("", CreateProfile);
        admin.MapPut("/{id:int}", UpdateProfile);
        admin.MapDelete("/{id:int}", DeleteProfile);
    }

    internal static async Task<IResult> ListProfiles(
        HttpContext context, string? language, ProfileService profiles, AgentTokenService tokens, CancellationToken cancellationToken)
    {
        var forAgent = context.Request.Headers.Authorization.ToString().StartsWith(AgentTokenFilter.Scheme, StringComparison.OrdinalIgnoreCase);
        if (forAgent && !await AgentTokenFilter.IsAuthorizedAsync(context, tokens))
            return AgentResults.Error(StatusCodes.Status401Unauthorized, "invalid or revoked agent token: send Authorization: Token <token>");
        if (!forAgent && context.User.Identity?.IsAuthenticated != true)
            return TypedResults.Json(ApiEnvelope.Error(401, "authentication required: send Authorization: Bearer <token>"), statusCode: 401);
        // An agent acts under its token; a person must be an admin (the service demands it either way).
        var actor = forAgent ? AgentActors.For("profiles") : context.User.ToActor();
        if (!forAgent && !actor.Can(Permissions.Admin))
            return TypedResults.Json(ApiEnvelope.Error(403, $"permission denied: requires {Permissions.Admin}"), statusCode: 403);

        // A control character (a NUL above all: PostgreSQL cannot even compare it) is never part of a language name.
        if (language is not null && language.Any(char.IsControl))
        {
            const string problem = "language must not contain control characters";
            return forAgent ? AgentResults.BadRequest(problem)
                : TypedResults.BadRequest(ApiEnvelope.Error(400, problem, new Dictionary<string, string[]> { ["language"] = ["must not contain control characters"] }));
        }
        // The seed's default language is JAVA; an administrator without a filter sees every language.
        var filter = language?.Trim().ToUpperInvariant() ?? (forAgent ? "JAVA" : null);
        var found = (await profiles.ListAsync(actor, filter, cancellationToken)).Select(ProfileWire.From).ToList();
        return forAgent
            ? AgentResults.Ok(found.Select(p => new AgentProfileWire(p.Type, p.Enable, p.Value, p.Details)).ToList())
            : TypedResults.Ok(ApiEnvelope.Ok(found));
    }

    internal static async Task<Results<Created<ApiEnvelope<ProfileWire>>, BadRequest<ApiEnvelope>>> CreateProfile(
        ProfileRequest? request, ClaimsPrincipal user, ProfileService profiles, CancellationToken cancellationToken)
    {
        var result = await profiles.CreateAsync(user.ToActor(), Input(request), cancellationToken);
        return result.Profile is { } profile
            ? TypedResults.Created($"/api/v1/profiles/{profile.Id}", ApiEnvelope.Ok(ProfileWire.From(profile)))
            : Invalid(result.Errors);
    }

    internal static async Task<Results<Ok<ApiEnvelope<ProfileWire>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateProfile(
        int id, ProfileRequest? request, ClaimsPrincipal user, ProfileService profiles, CancellationToken cancellationToken)
    {
        var result = await profiles.UpdateAsync(user.ToActor(), id, Input(request), cancellationToken);
        if (result.Missing) return NotFound(id);
        return result.Profile is { } profile ? TypedResults.Ok(ApiEnvelope.Ok(ProfileWire.From(profile))) : Invalid(result.Errors);
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteProfile(
        int id, ClaimsPrincipal user, ProfileService profiles, CancellationToken cancellationToken) =>
        await profiles.DeleteAsync(user.ToActor(), id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("profile deleted"))
            : NotFound(id);

    private static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"profile {id} not found"));

    private static BadRequest<ApiEnvelope> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, $"invalid profile: {string.Join(", ", errors.Keys)}", errors));

    private static ProfileInput Input(ProfileRequest? request) => new(
        request?.Language, request?.Type, request?.Enable, request?.Value,
        request?.Details?.Select(d => d is null ? null : new HookRuleDetail(d.Source ?? "", d.Track ?? "", d.Target ?? "", d.Value!, d.Inherit ?? "false")).ToList());
}
