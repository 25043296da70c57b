using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.Sessions;
using Microsoft.AspNetCore.Mvc;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Security;

namespace ProbeDashboard.Auth;

/// <summary>Form posts of the static sign-in page and of the sign-out button (both antiforgery-protected).</summary>
public static class AccountEndpoints
{
    /// <summary>The sign-in form's fields; a class with setters because an unticked checkbox posts nothing.</summary>
    public sealed class SignInForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
        public bool RememberMe { get; set; }
    }

    /// <summary>The sign-in form's second step: the authenticator code or a recovery code, in one field.</summary>
    public sealed class SecondFactorForm
    {
        public string? Code { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapPost("/account/login/code", SecondFactorAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapPost("/account/logout", SignOutAsync);
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, CredentialCheck credentials, SignInManager<AppUser> signIn,
        IAuditLog audit, IOptions<AuthOptions> auth, ILoggerFactory loggers, HttpContext http, CancellationToken cancellationToken)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return Back("missing", returnUrl, form.UserName);

        var check = await credentials.CheckAsync(form.UserName, form.Password, null, null);
        if (check.Refusal == CredentialRefusal.LocalSignInOff)
        {
            await audit.RecordAsAsync(Actor.Anonymous.Name, AuditActions.SignInFailed, $"user {form.UserName.Trim()}", check.Reason, cancellationToken);
            return Back("local-off", returnUrl, form.UserName);
        }
        if (check.User is not { } user)
        {
            await audit.RecordAsAsync(Actor.Anonymous.Name, AuditActions.SignInFailed, $"user {form.UserName.Trim()}", check.Reason, cancellationToken);
            return Back("invalid", returnUrl, form.UserName);
        }
        if (check.Refusal == CredentialRefusal.SecondFactorRequired)
        {
            // The password was right: a short-lived cookie remembers whose code the second step asks for.
            var pending = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(RememberMeClaim, form.RememberMe ? "1" : "0")], IdentityConstants.TwoFactorUserIdScheme);
            await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            return Results.LocalRedirect($"/login?step=code&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        return await FinishAsync(check, signIn, audit, auth.Value, loggers, http, form.RememberMe, returnUrl, form.UserName, cancellationToken);
    }

    private static async Task<IResult> SecondFactorAsync([FromForm] SecondFactorForm form, CredentialCheck credentials, SignInManager<AppUser> signIn,
        IAuditLog audit, IOptions<AuthOptions> auth, ILoggerFactory loggers, HttpContext http, CancellationToken cancellationToken)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        var pending = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var user = pending.Principal?.GetUserId() is { } id ? await signIn.UserManager.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) : null;
        if (user is null)
            return Back("expired", returnUrl, null);
        if (string.IsNullOrWhiteSpace(form.Code))
            return Results.LocalRedirect($"/login?step=code&error=code&returnUrl={Uri.EscapeDataString(returnUrl)}");

        var check = await credentials.CheckSecondFactorAsync(user, form.Code, form.Code);
        if (check.Refusal == CredentialRefusal.WrongSecondFactor)
        {
            await audit.RecordAsAsync(user.UserName!, AuditActions.SignInFailed, Target(user), check.Reason, cancellationToken);
            return Results.LocalRedirect($"/login?step=code&error=code&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        var rememberMe = pending.Principal!.FindFirst(RememberMeClaim)?.Value == "1";
        return await FinishAsync(check, signIn, audit, auth.Value, loggers, http, rememberMe, returnUrl, user.UserName, cancellationToken);
    }

    /// <summary>Signs in after every factor passed, or sends the browser back to the form with the reason.</summary>
    private static async Task<IResult> FinishAsync(CredentialResult check, SignInManager<AppUser> signIn, IAuditLog audit, AuthOptions auth,
        ILoggerFactory loggers, HttpContext http, bool rememberMe, string returnUrl, string? typedName, CancellationToken cancellationToken)
    {
        var user = check.User!;
        var logger = loggers.CreateLogger(typeof(AccountEndpoints));
        if (!check.Succeeded)
        {
            await audit.RecordAsAsync(user.UserName!, AuditActions.SignInFailed, Target(user), check.Reason, cancellationToken);
            if (check.Refusal == CredentialRefusal.LockedOut)
            {
                logger.LogWarning("User {UserName} is locked out after failed sign-ins", user.UserName);
                return Back("locked", returnUrl, typedName);
            }
            return Back(check.Refusal == CredentialRefusal.Disabled ? "disabled" : "invalid", returnUrl, typedName);
        }

        // Each signed-in browser is a session its owner can see and end (the cookie carries its key).
        var session = await http.RequestServices.GetRequiredService<SessionService>().StartAsync(user.Id, SessionKind.Browser,
            http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress?.ToString(), null, cancellationToken);
        await signIn.SignInWithClaimsAsync(user, rememberMe, [SessionClaims.For(session)]);
        await audit.RecordAsAsync(user.UserName!, AuditActions.SignIn, Target(user), user.TwoFactorEnabled ? "dashboard, with a second factor" : "dashboard", cancellationToken);
        logger.LogInformation("User {UserName} signed in to the dashboard", user.UserName);
        // Auth:Require2fa: someone without a second factor sets one up before anything else.
        return Results.LocalRedirect(auth.Require2fa && !user.TwoFactorEnabled ? TwoFactor.TwoFactorRequirement.SetupPagePath : returnUrl);
    }

    private const string RememberMeClaim = "remember_me";

    private static string Target(AppUser user) => $"user #{user.Id} {user.UserName}";

    private static async Task<IResult> SignOutAsync(SignInManager<AppUser> signIn, SessionService sessions, HttpContext http, CancellationToken cancellationToken)
    {
        if (http.User.SessionKey() is { } key)
            await sessions.SignedOutAsync(key, cancellationToken);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static IResult Back(string error, string returnUrl, string? userName) =>
        Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}&user={Uri.EscapeDataString(userName ?? "")}");

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
