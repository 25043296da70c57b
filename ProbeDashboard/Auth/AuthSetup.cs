using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using ProbeDashboard.Auth.ApiKeys;
using ProbeDashboard.Auth.Sessions;
using ProbeDashboard.Auth.SingleSignOn;
using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Accounts.ApiKeys;
using ProbeDashboard.Core.Accounts.Passwords;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Accounts.TwoFactor;
using ProbeDashboard.Core.Users;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Auth;

public static class AuthSetup
{
    /// <summary>Scheme that picks the bearer token for /api and the sign-in cookie for everything else.</summary>
    public const string SmartScheme = "Smart";
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.LocalSignIn != LocalSignInMode.BreakGlassOnly || !string.IsNullOrWhiteSpace(o.BreakGlassUser),
                "Auth:LocalSignIn BreakGlassOnly needs Auth:BreakGlassUser (the local account that may still sign in with a password)")
            .Validate(o => string.IsNullOrEmpty(o.JwtSigningKey) || Encoding.UTF8.GetByteCount(o.JwtSigningKey) >= TokenSigningKey.MinimumKeyBytes,
                $"Auth:JwtSigningKey must be at least {TokenSigningKey.MinimumKeyBytes} bytes long")
            .ValidateOnStart();
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TokenUserCache>();
        services.AddSingleton<ApiBearerEvents>();
        services.ConfigureOptions<ApiBearerOptions>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddScoped<UserService>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<ExternalSignInService>();
        services.AddScoped<CredentialCheck>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<SessionService>();
        services.AddScoped<PasswordChangeService>();
        services.AddScoped<ISecurityStampValidator, SecurityStampValidator<AppUser>>();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>, TimeProvider>((options, auth, time) =>
        {
            options.ValidationInterval = TimeSpan.FromSeconds(auth.Value.SessionRevalidateSeconds);
            options.TimeProvider = time;
            options.OnRefreshingPrincipal = SessionClaims.KeepSessionKey;
        });

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<ProbeDbContext>()
            .AddUserManager<AppUserManager>()
            .AddErrorDescriber<IdentityTextDescriber>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PermissionClaimsPrincipalFactory>();

        // Read now: the OpenID Connect scheme exists only when configured. A wrong setting stops start-up, naming it.
        var oidc = builder.Configuration.GetSection(AuthOptions.Section).GetSection("Oidc").Get<OidcSettings>() ?? new OidcSettings();
        if (oidc.Problem() is { } problem) throw new OptionsValidationException("Auth:Oidc", typeof(OidcSettings), [problem]);
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Bearer for /api and /hubs, cookie otherwise", options =>
                options.ForwardDefaultSelector = context => !UsesBearer(context.Request.Path) ? IdentityConstants.ApplicationScheme
                    : ApiKeyAuthenticationHandler.Carries(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : BearerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(BearerScheme)   // configured by ApiBearerOptions, answered by ApiBearerEvents
            // Never issued (no "remember this browser"), but SignInManager.SignOutAsync, which the security-stamp
            // check calls for a stale cookie, signs out of it unconditionally.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme)
            // Between the sign-in form's two steps: whose password was right, for five minutes.
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, options =>
            {
                options.Cookie.Name = "probedashboard.2fa";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                options.SlidingExpiration = false;
            })
            .AddDashboardOidc(oidc)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.LoginPath = "/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/access-denied";
                options.Cookie.Name = "probedashboard.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                // Page loads, not only open tabs, must notice an ended session, a disabled user or a changed password.
                options.Events.OnValidatePrincipal = SessionClaims.ValidateCookieAsync;
            });

        services.AddAuthorization(options =>
        {
            foreach (var permission in Permissions.All)
                options.AddPolicy(permission, policy => policy.RequireClaim(Permissions.ClaimType, permission));
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddHostedService<AdminAccountSeeder>();
        return builder;
    }

    /// <summary>The API and the SignalR hubs (clients of other programs) use tokens; pages use the sign-in cookie.</summary>
    public static bool UsesBearer(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
}
