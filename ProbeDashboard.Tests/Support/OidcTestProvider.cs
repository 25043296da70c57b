using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProbeDashboard.Tests.Support;

/// <summary>Who the test provider signs in (it consents on their behalf at once).</summary>
public sealed record OidcTestUser(string Subject, string UserName, IReadOnlyList<string> Groups);

/// <summary>What the test provider gets wrong on purpose in the next id_tokens.</summary>
public enum IdTokenFault
{
    None,
    /// <summary>Signed with a key that is not in the JWKS (same key id).</summary>
    BadSignature,
    WrongAudience,
    /// <summary>Ran out an hour ago, well past any clock skew.</summary>
    Expired,
}

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1 (Kestrel): discovery document, JWKS with an RSA key, /authorize
/// that consents at once as <see cref="User"/>, and /token that checks the code, the client, the redirect URI and
/// the PKCE verifier before issuing an RS256 id_token. Enough for the dashboard's real OpenID Connect handler.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ClientId = "probedashboard-tests";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _wrongKey = RSA.Create(2048);
    private const string KeyId = "test-key-1";
    private readonly ConcurrentDictionary<string, Pending> _codes = new();

    private sealed record Pending(string RedirectUri, string? Nonce, string Challenge, OidcTestUser User);

    public OidcTestUser User { get; set; } = new("sub-alice", "alice", ["ops"]);

    public IdTokenFault Fault { get; set; }

    /// <summary>The issuer and authority: the base URL, without a trailing slash.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Token requests whose PKCE verifier matched the authorize request's challenge.</summary>
    public int VerifiedCodeExchanges => _verified;
    private int _verified;

    private OidcTestProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = _key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId,
                n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    public static async Task<OidcTestProvider> StartAsync()
    {
        var provider = new OidcTestProvider();
        await provider._app.StartAsync();
        provider.Issuer = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    /// <summary>The dashboard's settings for this provider (Auth:Oidc:*), mapping groups ops, admins and viewers.</summary>
    public Dictionary<string, string?> Settings(bool autoCreateUsers = true) => new()
    {
        ["Auth:Oidc:Authority"] = Issuer,
        ["Auth:Oidc:ClientId"] = ClientId,
        ["Auth:Oidc:ClientSecret"] = ClientSecret,
        ["Auth:Oidc:DisplayName"] = "Test IdP",
        ["Auth:Oidc:Scopes"] = "openid profile groups",
        ["Auth:Oidc:RoleClaim"] = "groups",
        ["Auth:Oidc:RoleMap:ops"] = "operator",
        ["Auth:Oidc:RoleMap:admins"] = "admin",
        ["Auth:Oidc:RoleMap:viewers"] = "viewer",
        ["Auth:Oidc:AutoCreateUsers"] = autoCreateUsers ? "true" : "false",
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
    };

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || !$"{q["scope"]}".Split(' ').Contains("openid"))
            return Results.BadRequest("unknown client, or not the code flow with openid");
        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest("PKCE (S256) is required");
        var redirect = q["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out _)) return Results.BadRequest("redirect_uri");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Pending(redirect, q["nonce"], q["code_challenge"]!, User);
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}&iss={Uri.EscapeDataString(Issuer)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (client, secret) = ClientOf(request, form);
        if (client != ClientId || secret != ClientSecret) return Error("invalid_client");
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
            return Error("invalid_grant");
        if (form["redirect_uri"] != pending.RedirectUri) return Error("invalid_grant");
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.Challenge)
            return Error("invalid_grant");
        Interlocked.Increment(ref _verified);
        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = IdToken(pending, accessToken),
        });
    }

    private string IdToken(Pending pending, string accessToken)
    {
        var now = DateTime.UtcNow;
        var issued = Fault == IdTokenFault.Expired ? now.AddHours(-2) : now;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = pending.User.Subject,
            ["preferred_username"] = pending.User.UserName,
            ["groups"] = pending.User.Groups.ToArray(),
            // The left half of the access token's SHA-256, as the code flow's id_token may carry it.
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        if (pending.Nonce is not null) claims["nonce"] = pending.Nonce;
        var signingKey = new RsaSecurityKey(Fault == IdTokenFault.BadSignature ? _wrongKey : _key) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Fault == IdTokenFault.WrongAudience ? "someone-else" : ClientId,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddMinutes(Fault == IdTokenFault.Expired ? 60 : 10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>client_secret_post or client_secret_basic.</summary>
    private static (string? Client, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return (form["client_id"], form["client_secret"]);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
        return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
    }

    private static IResult Error(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _wrongKey.Dispose();
    }
}
