using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Core.Accounts.TwoFactor;

/// <summary>The user's TOTP columns, on Identity's user table.</summary>
internal sealed class AppUserTwoFactorConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        // Added to a table that already has rows, so the column needs a default; the model says so too.
        builder.Property(u => u.TotpLastStep).HasDefaultValue(0L);
        builder.Property(u => u.TotpSecret).HasMaxLength(1000);
    }
}
