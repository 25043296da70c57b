using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Auth.TwoFactor;

/// <summary>
/// Two-factor sign-in under /api/v1/auth/2fa for the signed-in user (a person's token or cookie, never an API
/// key), and the administrator's reset under /api/v1/users/{id}/2fa.
/// </summary>
public static class TwoFactorApi
{
    public static void MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/api/v1/auth/2fa").RequireAuthorization(AccountPolicies.Personal).WithTags("Two-factor sign-in");
        own.MapGet("", GetStatus).WithSummary("Whether two-factor sign-in is on for the signed-in user");
        own.MapPost("/setup", Setup).WithSummary("Start setup: a new TOTP secret, its otpauth link and QR code");
        own.MapPost("/enable", Enable).WithSummary("Turn two-factor sign-in on with a code of the new secret; answers the recovery codes once");
        own.MapPost("/disable", Disable).WithSummary("Turn two-factor sign-in off with a code or a recovery code");
        app.MapDelete("/api/v1/users/{id:int}/2fa", Reset).RequireAuthorization(Permissions.Admin).WithTags("Two-factor sign-in")
            .WithSummary("Reset a user's two-factor sign-in (administrators)");
    }

    internal static async Task<Ok<ApiEnvelope<TwoFactorStatusResponse>>> GetStatus(
        ClaimsPrincipal user, TwoFactorService twoFactor, IOptions<AuthOptions> auth, CancellationToken cancellationToken)
    {
        var status = await twoFactor.StatusAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new TwoFactorStatusResponse(status.Enabled, status.SetupPending, status.RecoveryCodesLeft, auth.Value.Require2fa)));
    }

    internal static async Task<Results<Ok<ApiEnvelope<TwoFactorSetupResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>, NotFound<ApiEnvelope>>> Setup(
        ClaimsPrincipal user, TwoFactorService twoFactor)
    {
        var result = await twoFactor.SetupAsync(user.ToActor());
        return result.Setup is { } setup ? TypedResults.Ok(ApiEnvelope.Ok(TwoFactorSetupResponse.From(setup))) : Failure<Ok<ApiEnvelope<TwoFactorSetupResponse>>>(result);
    }

    internal static async Task<Results<Ok<ApiEnvelope<TwoFactorEnabledResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>, NotFound<ApiEnvelope>>> Enable(
        TwoFactorCodeRequest? request, ClaimsPrincipal user, TwoFactorService twoFactor)
    {
        if (string.IsNullOrWhiteSpace(request?.Code)) return CodeRequired();
        var result = await twoFactor.EnableAsync(user.ToActor(), request.Code);
        return result.Failure == TwoFactorFailure.None
            ? TypedResults.Ok(ApiEnvelope.Ok(new TwoFactorEnabledResponse(result.RecoveryCodes!)))
            : Failure<Ok<ApiEnvelope<TwoFactorEnabledResponse>>>(result);
    }

    internal static async Task<Results<Ok<ApiEnvelope>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>, NotFound<ApiEnvelope>>> Disable(
        TwoFactorCodeRequest? request, ClaimsPrincipal user, TwoFactorService twoFactor)
    {
        if (string.IsNullOrWhiteSpace(request?.Code)) return CodeRequired();
        var result = await twoFactor.DisableAsync(user.ToActor(), request.Code);
        return result.Failure == TwoFactorFailure.None ? TypedResults.Ok(ApiEnvelope.Success("two-factor sign-in is off")) : Failure<Ok<ApiEnvelope>>(result);
    }

    internal static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> Reset(int id, ClaimsPrincipal user, TwoFactorService twoFactor)
    {
        var result = await twoFactor.ResetAsync(user.ToActor(), id);
        return result.Failure == TwoFactorFailure.None
            ? TypedResults.Ok(ApiEnvelope.Success("two-factor sign-in reset: the user signs in with the password and can set it up again"))
            : TypedResults.NotFound(ApiEnvelope.Error(404, result.Message));
    }

    private static BadRequest<ApiEnvelope> CodeRequired() =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, "code is required", new Dictionary<string, string[]> { ["code"] = ["is required"] }));

    private static Results<T, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>, NotFound<ApiEnvelope>> Failure<T>(TwoFactorResult result) where T : IResult => result.Failure switch
    {
        TwoFactorFailure.WrongCode => TypedResults.BadRequest(ApiEnvelope.Error(400, result.Message, new Dictionary<string, string[]> { ["code"] = [result.Message] })),
        TwoFactorFailure.Conflict => TypedResults.Conflict(ApiEnvelope.Error(409, result.Message)),
        _ => TypedResults.NotFound(ApiEnvelope.Error(404, result.Message)),
    };
}
