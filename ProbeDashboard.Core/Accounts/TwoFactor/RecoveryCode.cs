using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Accounts.TwoFactor;

/// <summary>
/// A one-time code that stands in for a TOTP code when the phone is lost. Only its SHA-256 is stored: the codes
/// are shown once, when 2FA is turned on. 50 random bits each and the sign-in lockout make a plain hash enough.
/// </summary>
public class RecoveryCode
{
    public const int CountPerUser = 10;
    /// <summary>Crockford's base32: no i, l, o or u to misread.</summary>
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public long Id { get; set; }
    public int UserId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the normalised code (lower case, no dash).</summary>
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }

    /// <summary>A new code as shown to the user: two groups of five characters, e.g. "k3m9p-x2qra".</summary>
    public static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 10);
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    /// <summary>Case and dashes do not matter when a code is typed back.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().Replace("-", "").Replace(" ", "").ToLowerInvariant())));
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => new { c.UserId, c.CodeHash });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
