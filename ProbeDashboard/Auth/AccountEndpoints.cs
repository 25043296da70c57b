using ProbeDashboard.Core.Access;
using Microsoft.AspNetCore.Identity;
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

    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapPost("/account/logout", SignOutAsync);
    }

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, SignInManager<AppUser> signIn, IAuditLog audit,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return Back("missing", returnUrl, form.UserName);

        var user = await signIn.UserManager.FindByNameAsync(form.UserName.Trim());
        if (user is null)
        {
            await audit.RecordAsAsync(Actor.Anonymous.Name, AuditActions.SignInFailed, $"user {form.UserName.Trim()}", "unknown user", cancellationToken);
            return Back("invalid", returnUrl, form.UserName);
        }

        // The password is checked (and failures counted towards lockout) before anything else is revealed.
        var result = await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        var logger = loggers.CreateLogger(typeof(AccountEndpoints));
        var refusal = result.IsLockedOut ? "locked out" : !result.Succeeded ? "wrong password" : user.Disabled ? "disabled" : null;
        if (refusal is not null)
            await audit.RecordAsAsync(user.UserName!, AuditActions.SignInFailed, $"user #{user.Id} {user.UserName}", refusal, cancellationToken);
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserName} is locked out after failed sign-ins", user.UserName);
            return Back("locked", returnUrl, form.UserName);
        }
        if (!result.Succeeded)
            return Back("invalid", returnUrl, form.UserName);
        if (user.Disabled)
            return Back("disabled", returnUrl, form.UserName);

        await signIn.SignInAsync(user, form.RememberMe);
        await audit.RecordAsAsync(user.UserName!, AuditActions.SignIn, $"user #{user.Id} {user.UserName}", "dashboard", cancellationToken);
        logger.LogInformation("User {UserName} signed in to the dashboard", user.UserName);
        return Results.LocalRedirect(returnUrl);
    }

    private static async Task<IResult> SignOutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    private static IResult Back(string error, string returnUrl, string? userName) =>
        Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}&user={Uri.EscapeDataString(userName ?? "")}");

    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
