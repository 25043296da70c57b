using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;

namespace ProbeDashboard.Auth.SingleSignOn;

/// <summary>
/// The OpenID Connect handler: authorization code with PKCE, the provider's discovery document and keys, issuer,
/// audience, nonce and lifetime validated by the handler. It only proves who the provider says signed in (into a
/// short-lived external cookie); <see cref="OidcEndpoints"/> turns that into our own session.
/// </summary>
public static class OidcSetup
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";

    public static AuthenticationBuilder AddDashboardOidc(this AuthenticationBuilder builder, OidcSettings settings)
    {
        // Holds the provider's answer for the one redirect to /account/login/oidc/done.
        builder.AddCookie(IdentityConstants.ExternalScheme, options =>
        {
            options.Cookie.Name = "probedashboard.external";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            options.SlidingExpiration = false;
        });
        if (!settings.Enabled) return builder;
        return builder.AddOpenIdConnect(Scheme, settings.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The code comes back in the query of a top-level redirect, so the correlation and nonce cookies can be
            // SameSite=Lax (form_post would need SameSite=None, hence Secure, which a plain-HTTP install lacks).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CallbackPath = CallbackPath;
            options.SaveTokens = false;
            // Claims keep the provider's names (sub, preferred_username, groups), as the settings name them.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "preferred_username";
            options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("openid").Distinct())
                options.Scope.Add(scope);
            options.Events.OnRemoteFailure = RefusedAsync;
        });
    }

    /// <summary>
    /// A failed sign-in at the provider or a token that fails validation (signature, audience, issuer, nonce,
    /// lifetime): logged, audited and shown on the sign-in page, instead of the handler's exception (a 500).
    /// </summary>
    private static async Task RefusedAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        var reason = context.Failure?.Message ?? "unknown failure";
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSetup))
            .LogWarning(context.Failure, "Single sign-on refused: {Reason}", reason);
        await http.RequestServices.GetRequiredService<IAuditLog>().RecordAsAsync(Actor.Anonymous.Name, AuditActions.SignInFailed,
            $"single sign-on ({context.Scheme.DisplayName ?? Scheme})", Shorten(reason), http.RequestAborted);
        context.Response.Redirect($"{http.Request.PathBase}/login?error=sso-failed");
        context.HandleResponse();
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;
}
