using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProbeDashboard.Api;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Accounts.Passwords;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Security;

namespace ProbeDashboard.Auth.Passwords;

/// <param name="CurrentPassword">Your password now.</param>
/// <param name="NewPassword">At least 8 characters.</param>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <param name="SessionsEnded">How many other sessions (browsers, tokens) the change ended.</param>
/// <param name="Token">A new token in place of the one the request came with, which the change ended.</param>
public sealed record PasswordChangedResponse(int SessionsEnded, TokenResponse Token);

/// <summary>
/// A person changes their own password: <c>POST /api/v1/auth/password</c> (a token; the answer carries a new one) and
/// the form of the /account/password page (the browser stays signed in; every other session ends).
/// </summary>
public static class PasswordApi
{
    public const string PagePath = "/account/password";

    public static void MapPasswordApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/password", ChangeByToken).RequireAuthorization(AccountPolicies.Personal).WithTags("Sessions")
            .RequireRateLimiting(RateLimitPolicies.Token)
            .WithSummary("Change your password; every other session ends and the answer carries a new token for this client");
        app.MapPost(PagePath + "/change", ChangeByFormAsync).RequireRateLimiting(RateLimitPolicies.SignIn);
    }

    internal static async Task<Results<Ok<ApiEnvelope<PasswordChangedResponse>>, BadRequest<ApiEnvelope>>> ChangeByToken(
        ChangePasswordRequest? request, ClaimsPrincipal user, PasswordChangeService passwords, SessionService sessions, TokenIssuer issuer,
        HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        // The token this request came with dies with the old security stamp anyway, so no session is kept: the
        // client goes on with the new token, which is a new session.
        var result = await passwords.ChangeAsync(user.ToActor(), request?.CurrentPassword, request?.NewPassword, null, cancellationToken);
        if (!result.Succeeded)
            return TypedResults.BadRequest(ApiEnvelope.Error(400, "password not changed", result.Errors));
        var session = await sessions.StartAsync(result.User!.Id, SessionKind.ApiToken, http.Request.Headers.UserAgent.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow().UtcDateTime + issuer.Lifetime + ApiBearerOptions.ClockSkew, cancellationToken);
        var others = user.SessionKey() is null ? result.SessionsEnded : Math.Max(0, result.SessionsEnded - 1);
        return TypedResults.Ok(ApiEnvelope.Ok(new PasswordChangedResponse(others, TokenResponse.From(issuer.Issue(result.User, session)))));
    }

    /// <summary>The form's fields (antiforgery-protected like the sign-in form).</summary>
    public sealed class ChangePasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    private static async Task<IResult> ChangeByFormAsync([FromForm] ChangePasswordForm form, PasswordChangeService passwords,
        SignInManager<AppUser> signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var key = http.User.SessionKey();
        var result = await passwords.ChangeAsync(http.User.ToActor(), form.CurrentPassword, form.NewPassword, key, cancellationToken);
        if (!result.Succeeded)
            return Results.LocalRedirect($"{PagePath}?error={(result.Errors!.ContainsKey("current_password") ? "current" : "new")}");
        // The new security stamp would sign this browser out too: sign it in again, in the same session.
        var persistent = (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.IsPersistent == true;
        await signIn.SignInWithClaimsAsync(result.User!, persistent, key is null ? [] : [SessionClaims.For(key)]);
        return Results.LocalRedirect($"{PagePath}?changed={result.SessionsEnded}");
    }
}
