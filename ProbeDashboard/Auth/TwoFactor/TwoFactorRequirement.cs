using Microsoft.Extensions.Options;
using ProbeDashboard.Api;
using ProbeDashboard.Auth.SingleSignOn;
using ProbeDashboard.Auth.Tokens;

namespace ProbeDashboard.Auth.TwoFactor;

/// <summary>
/// <c>Auth:Require2fa</c>: a signed-in user without two-factor sign-in may only set it up. Pages send the browser to
/// the setup page; API requests are refused with 403 in the envelope, except the ones that set it up.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetupPagePath = "/account/two-factor";

    /// <summary>What a user who still has to set up 2FA may reach: the setup itself, who am I, signing out.</summary>
    private static readonly PathString[] Allowed =
        ["/api/v1/auth", SetupPagePath, "/account/login", "/account/logout", "/login", "/access-denied", "/healthz", "/readyz", "/_framework", "/_content", "/assets"];

    public static void UseTwoFactorRequirement(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Require2fa) return;
        app.Use(async (context, next) =>
        {
            // A single sign-on's second factor is the provider's business (see the README).
            if (context.User.GetUserId() is not { } userId || context.User.ViaSingleSignOn() || Allowed.Any(p => context.Request.Path.StartsWithSegments(p))
                || (await context.RequestServices.GetRequiredService<TokenUserCache>().GetAsync(userId, context.RequestAborted)) is not { TwoFactorEnabled: false })
            {
                await next(context);
                return;
            }
            if (AuthSetup.UsesBearer(context.Request.Path))
                await ApiErrorWriter.WriteAsync(context, StatusCodes.Status403Forbidden,
                    "two-factor sign-in is required on this server: set it up with POST /api/v1/auth/2fa/setup and /api/v1/auth/2fa/enable");
            else
                context.Response.Redirect(SetupPagePath);
        });
    }
}
