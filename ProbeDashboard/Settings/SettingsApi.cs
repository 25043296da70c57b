using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.Settings;

namespace ProbeDashboard.Settings;

/// <summary>Days raw results and hourly/daily rollups are kept; <c>customized</c> once an administrator saved them.</summary>
public sealed record RetentionResponse(int RawDays, int RollupDays, bool Customized)
{
    public static RetentionResponse From(RetentionPolicy p) => new(p.RawDays, p.RollupDays, p.Customized);
}

public sealed record RetentionRequest(int? RawDays, int? RollupDays);

/// <summary>One scope's policy: <c>profile</c> is default or strict; ranges in CIDR notation.</summary>
public sealed record EgressPolicyResponse(string Profile, IReadOnlyList<string> Allow, IReadOnlyList<string> Deny)
{
    public static EgressPolicyResponse From(EgressPolicy p) =>
        new(p.Profile == EgressProfile.Strict ? "strict" : "default", p.Allow, p.Deny);
}

/// <summary>The egress policy in force for probes and for webhooks, and the ranges no policy lets through.</summary>
public sealed record EgressResponse(EgressPolicyResponse Probes, EgressPolicyResponse Webhooks, IReadOnlyList<string> AlwaysRefused);

/// <summary>
/// <c>/api/v1/settings</c>: what the settings page shows administrators, through the same <see cref="SettingsService"/>.
/// Retention can be read and changed; the egress policy is deployment configuration, so it is a view.
/// </summary>
public static class SettingsApi
{
    public static void MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/v1/settings").RequireAuthorization(Permissions.Admin);
        settings.MapGet("/retention", GetRetention);
        settings.MapPut("/retention", UpdateRetention);
        settings.MapGet("/egress", GetEgress);
    }

    internal static async Task<Ok<ApiEnvelope<RetentionResponse>>> GetRetention(
        ClaimsPrincipal user, SettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiEnvelope.Ok(RetentionResponse.From(await settings.GetRetentionAsync(user.ToActor(), cancellationToken))));

    /// <summary>Both values are required; rollups are kept at least as long as raw results. Applies from the retention job's next run.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<RetentionResponse>>, BadRequest<ApiEnvelope>>> UpdateRetention(
        RetentionRequest? request, ClaimsPrincipal user, SettingsService settings, CancellationToken cancellationToken)
    {
        var actor = user.ToActor();
        var errors = new Dictionary<string, string[]>();
        if (request?.RawDays is null) errors["raw_days"] = ["is required"];
        if (request?.RollupDays is null) errors["rollup_days"] = ["is required"];
        if (errors.Count == 0)
            foreach (var (field, messages) in await settings.SaveRetentionAsync(actor, request!.RawDays!.Value, request.RollupDays!.Value, cancellationToken))
                errors[field] = messages;
        if (errors.Count > 0)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, $"invalid retention: {string.Join(", ", errors.Keys)}", errors));
        return TypedResults.Ok(ApiEnvelope.Ok(RetentionResponse.From(await settings.GetRetentionAsync(actor, cancellationToken))));
    }

    internal static Ok<ApiEnvelope<EgressResponse>> GetEgress(ClaimsPrincipal user, SettingsService settings)
    {
        var view = settings.GetEgress(user.ToActor());
        return TypedResults.Ok(ApiEnvelope.Ok(new EgressResponse(
            EgressPolicyResponse.From(view.Probes), EgressPolicyResponse.From(view.Webhooks), view.AlwaysRefused)));
    }
}
