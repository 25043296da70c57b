using Microsoft.AspNetCore.Authorization;

namespace ProbeDashboard.Auth;

/// <summary>Authorization policies of the own-account endpoints (2FA, API keys, sessions).</summary>
public static class AccountPolicies
{
    /// <summary>
    /// Signed in as the person: by the sign-in cookie or a token from the token endpoint. An API key is for
    /// automation and may not manage the account it belongs to (make keys, turn 2FA off, end sessions).
    /// </summary>
    /// <remarks>
    /// A policy object rather than a named policy: the OpenAPI document lists an endpoint's policy names as the
    /// permissions a token must carry, and this one is none.
    /// </remarks>
    public static readonly AuthorizationPolicy Personal = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
        .RequireAssertion(context => !context.User.HasClaim(c => c.Type == ApiKeyClaim)).Build();

    /// <summary>The claim an API key's principal carries (the key's id); its absence marks a personal sign-in.</summary>
    public const string ApiKeyClaim = "api_key";
}
