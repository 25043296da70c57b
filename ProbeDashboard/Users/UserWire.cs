using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Users;

public sealed record CreateUserRequest(string? Username, string? Password, string? Role);

public sealed record SetRoleRequest(string? Role);

public sealed record ResetPasswordRequest(string? Password);

public sealed record SetUserEnabledRequest(bool? Enable);

/// <summary>A user as the API shows it: never the password hash or the security stamp.</summary>
/// <param name="TwoFactorEnabled">Two-factor sign-in (TOTP) is on for the account.</param>
/// <param name="SingleSignOn">The account signs in through the identity provider (it is linked by single sign-on).</param>
public sealed record UserResponse(int Id, string Username, string Role, bool Enable, DateTime? LockedOutUntil, DateTime CreatedAt,
    bool TwoFactorEnabled, bool SingleSignOn)
{
    public static UserResponse From(AppUser user, DateTime now, IReadOnlySet<int> singleSignOn) => new(
        user.Id, user.UserName ?? "", UserRoles.Name(user.Role), !user.Disabled,
        user.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : null,
        user.CreatedAt, user.TwoFactorEnabled, singleSignOn.Contains(user.Id));
}

/// <summary>Roles on the wire are lower-case words: admin, operator, viewer.</summary>
public static class UserRoles
{
    public static string Name(UserRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out UserRole role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0])
            && Enum.TryParse(text.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
