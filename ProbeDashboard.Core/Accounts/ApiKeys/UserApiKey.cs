using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Accounts.ApiKeys;

/// <summary>
/// A user's key for automation, sent as <c>Authorization: Bearer pdk_...</c> or <c>X-Api-Key</c>. It acts as its
/// owner with only its scopes (and never more than the owner's role allows now). Only its SHA-256 is stored: the
/// key is shown once. Keys are 256 random bits, so a plain hash is enough.
/// </summary>
public class UserApiKey
{
    public const string KeyPrefix = "pdk_";
    public const int MaxNameLength = 100;

    /// <summary>What a key may be granted: the permissions of seed 001, never admin.</summary>
    public static readonly IReadOnlyList<string> Grantable =
    [
        Permissions.ServiceMonitorsRead, Permissions.ServiceMonitorsWrite, Permissions.AlertRulesRead,
        Permissions.AlertRulesWrite, Permissions.AlertEventsRead, Permissions.AlertEventsWrite,
    ];

    public int Id { get; set; }
    public int UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>The key's first characters, so its owner can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Granted permissions, separated by spaces (as OAuth writes scopes).</summary>
    public string Scopes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public string? LastUsedAddress { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: "pdk_" and 43 url-safe base64 characters (256 bits).</summary>
    public static string NewKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool LooksLikeKey(string? value) => value?.StartsWith(KeyPrefix, StringComparison.Ordinal) == true;
}

internal sealed class UserApiKeyConfiguration : IEntityTypeConfiguration<UserApiKey>
{
    public void Configure(EntityTypeBuilder<UserApiKey> builder)
    {
        builder.ToTable("UserApiKeys");
        builder.Property(k => k.Name).HasMaxLength(UserApiKey.MaxNameLength).IsRequired();
        builder.Property(k => k.KeyHash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Scopes).HasMaxLength(500);
        builder.Property(k => k.LastUsedAddress).HasMaxLength(64);
        builder.Ignore(k => k.ScopeList);
        // Every request with a key looks it up by its hash.
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
