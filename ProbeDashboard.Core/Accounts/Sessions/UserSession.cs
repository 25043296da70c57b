using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Accounts.Sessions;

public enum SessionKind
{
    /// <summary>A browser signed in with the sign-in form (a cookie).</summary>
    Browser = 0,
    /// <summary>A bearer token from <c>POST /api/v1/auth/token</c>.</summary>
    ApiToken = 1,
}

/// <summary>
/// One sign-in: a browser's cookie or an API token. The cookie or token carries <see cref="Key"/> (inside the
/// encrypted cookie or the signed token, so it cannot be forged), and every request checks that the session is not
/// ended; so its owner can end it from anywhere, at once.
/// </summary>
public class UserSession
{
    public const int MaxDeviceLength = 200;
    public const int MaxAddressLength = 64;

    public int Id { get; set; }
    public int UserId { get; set; }
    /// <summary>128 random bits, hex; the claim the cookie or token carries.</summary>
    public string Key { get; set; } = "";
    public SessionKind Kind { get; set; }
    /// <summary>The client's User-Agent, shortened; what the owner recognises the session by.</summary>
    public string? Device { get; set; }
    public string? Address { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    /// <summary>When a token runs out; null for a browser (its cookie slides while used).</summary>
    public DateTime? ExpiresAt { get; set; }
    public DateTime? EndedAt { get; set; }

    public bool IsActiveAt(DateTime now) => EndedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A User-Agent cut to fit; null when the client sent none.</summary>
    public static string? DeviceFrom(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? null : userAgent.Trim() is var ua && ua.Length > MaxDeviceLength ? ua[..MaxDeviceLength] : ua;
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Key).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Device).HasMaxLength(UserSession.MaxDeviceLength);
        builder.Property(s => s.Address).HasMaxLength(UserSession.MaxAddressLength);
        // Every signed-in request looks its session up by key.
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
