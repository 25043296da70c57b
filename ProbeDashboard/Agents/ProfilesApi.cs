using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.ApiDocs;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

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
        HttpContext context, string? language, ProbeDbContext db, AgentTokenService tokens, CancellationToken cancellationToken)
    {
        var forAgent = context.Request.Headers.Authorization.ToString().StartsWith(AgentTokenFilter.Scheme, StringComparison.OrdinalIgnoreCase);
        if (forAgent && !await AgentTokenFilter.IsAuthorizedAsync(context, tokens))
            return AgentResults.Error(StatusCodes.Status401Unauthorized, "invalid or revoked agent token: send Authorization: Token <token>");
        if (!forAgent && context.User.Identity?.IsAuthenticated != true)
            return TypedResults.Json(ApiEnvelope.Error(401, "authentication required: send Authorization: Bearer <token>"), statusCode: 401);
        if (!forAgent && !context.User.HasClaim(Permissions.ClaimType, Permissions.Admin))
            return TypedResults.Json(ApiEnvelope.Error(403, $"permission denied: requires {Permissions.Admin}"), statusCode: 403);

        // The seed's default language is JAVA; an administrator without a filter sees every language.
        var filter = language?.Trim().ToUpperInvariant() ?? (forAgent ? "JAVA" : null);
        var query = db.HookProfiles.AsNoTracking();
        if (filter is not null) query = query.Where(p => p.Language == filter);
        var profiles = (await query.OrderBy(p => p.Id).ToListAsync(cancellationToken)).Select(ProfileWire.From).ToList();
        return forAgent
            ? AgentResults.Ok(profiles.Select(p => new AgentProfileWire(p.Type, p.Enable, p.Value, p.Details)).ToList())
            : TypedResults.Ok(ApiEnvelope.Ok(profiles));
    }

    internal static async Task<Results<Created<ApiEnvelope<ProfileWire>>, BadRequest<ApiEnvelope>>> CreateProfile(
        ProfileRequest? request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var profile = new HookProfile();
        if (Apply(request, profile) is { } invalid) return invalid;
        db.HookProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/profiles/{profile.Id}", ApiEnvelope.Ok(ProfileWire.From(profile)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<ProfileWire>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateProfile(
        int id, ProfileRequest? request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var profile = await db.HookProfiles.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null) return NotFound(id);
        if (Apply(request, profile) is { } invalid) return invalid;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(ProfileWire.From(profile)));
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteProfile(int id, ProbeDbContext db, CancellationToken cancellationToken) =>
        await db.HookProfiles.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken) > 0
            ? TypedResults.Ok(ApiEnvelope.Success("profile deleted"))
            : NotFound(id);

    private static NotFound<ApiEnvelope> NotFound(int id) => TypedResults.NotFound(ApiEnvelope.Error(404, $"profile {id} not found"));

    /// <returns>A 400 answer when the request is invalid; otherwise null after copying it onto <paramref name="profile"/>.</returns>
    private static BadRequest<ApiEnvelope>? Apply(ProfileRequest? request, HookProfile profile)
    {
        var errors = new Dictionary<string, string[]>();
        var language = request?.Language?.Trim().ToUpperInvariant();
        if (language is null || !AgentRegistrar.Languages.Contains(language)) errors["language"] = [$"must be one of {string.Join(", ", AgentRegistrar.Languages)}"];
        if (request?.Type is not (>= 1 and <= 4)) errors["type"] = ["must be 1 (propagator), 2 (source), 3 (filter) or 4 (sink)"];
        if (request?.Enable is not (0 or 1 or null)) errors["enable"] = ["must be 0 or 1"];
        if (string.IsNullOrWhiteSpace(request?.Value)) errors["value"] = ["is required"];
        else if (request.Value.Length > 500) errors["value"] = ["must be at most 500 characters"];
        if (request?.Details?.Any(d => d is null || string.IsNullOrWhiteSpace(d.Value)) == true) errors["details"] = ["every detail needs a value"];
        if (errors.Count > 0)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, $"invalid profile: {string.Join(", ", errors.Keys)}", errors));

        profile.Language = language!;
        profile.Type = request!.Type!.Value;
        profile.Enable = request.Enable != 0;
        profile.Value = request.Value!.Trim();
        profile.Details = new HookRuleDetails
        {
            Items = [.. (request.Details ?? []).Select(d => new HookRuleDetail(d.Source ?? "", d.Track ?? "", d.Target ?? "", d.Value!, d.Inherit ?? "false"))],
        };
        return null;
    }
}
