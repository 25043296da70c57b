using Microsoft.AspNetCore.Identity;

namespace ProbeDashboard.Core.Auth;

public class AppUser : IdentityUser<int>
{
    public UserRole Role { get; set; } = UserRole.Viewer;
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The TOTP secret (base32), encrypted with Data Protection. Set by 2FA setup; in force once Identity's
    /// <see cref="IdentityUser{TKey}.TwoFactorEnabled"/> is true, pending until then.
    /// </summary>
    public string? TotpSecret { get; set; }

    /// <summary>The last TOTP time step a code was accepted for; codes of that step or earlier are refused (no replay).</summary>
    public long TotpLastStep { get; set; }
}

public enum UserRole
{
    Viewer = 0,
    Operator = 1,
    Admin = 2,
}
