namespace ProbeDashboard.Auth.Tokens;

/// <summary>Claim names and fixed values of the API tokens this server issues.</summary>
public static class TokenClaims
{
    public const string Issuer = "ProbeDashboard";
    public const string Audience = "ProbeDashboard.Api";

    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = PermissionClaims.RoleClaimType;
    /// <summary>The user's Identity security stamp when the token was issued; a password change renews it.</summary>
    public const string SecurityStamp = "sstamp";
}
