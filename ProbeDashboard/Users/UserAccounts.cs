using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Users;

/// <summary>Outcome of a change to a user account; errors are keyed by wire field name.</summary>
public sealed record UserChangeResult(AppUser? User, UserChangeFailure Failure = UserChangeFailure.None,
    string Message = "", IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static UserChangeResult Done(AppUser user) => new(user);
    public static UserChangeResult Invalid(string message, IReadOnlyDictionary<string, string[]> errors) => new(null, UserChangeFailure.Invalid, message, errors);
    public static UserChangeResult Conflict(string message) => new(null, UserChangeFailure.Conflict, message);
    public static readonly UserChangeResult Missing = new(null, UserChangeFailure.NotFound, "user not found");
}

public enum UserChangeFailure
{
    None,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>
/// Administration of user accounts for the API and the UI. Keeps at least one enabled administrator, and renews
/// the security stamp on every change of password, role or state so existing tokens and sessions stop working.
/// </summary>
public sealed partial class UserAccounts(UserManager<AppUser> users, TimeProvider time, IAuditLog audit, ILogger<UserAccounts> logger)
{
    public Task<List<AppUser>> ListAsync(CancellationToken cancellationToken) =>
        users.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken);

    public Task<AppUser?> FindAsync(int id, CancellationToken cancellationToken) =>
        users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<UserChangeResult> CreateAsync(string userName, string password, UserRole role)
    {
        var user = new AppUser { UserName = userName.Trim(), Role = role, CreatedAt = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            LogChanged(user.UserName!, $"created as {UserRoles.Name(role)}");
            await audit.RecordAsync(AuditActions.UserCreate, Target(user), $"role {UserRoles.Name(role)}", CancellationToken.None);
            return UserChangeResult.Done(user);
        }
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
            ? UserChangeResult.Conflict($"user name '{user.UserName}' is taken")
            : UserChangeResult.Invalid("invalid user", ErrorsByField(result));
    }

    public Task<UserChangeResult> SetRoleAsync(int id, UserRole role) => ChangeAsync(id, $"role set to {UserRoles.Name(role)}", async user =>
    {
        if (user.Role == role) return UserChangeResult.Done(user);
        if (role != UserRole.Admin && await IsLastActiveAdminAsync(user))
            return UserChangeResult.Conflict("cannot demote the last active administrator");
        user.Role = role;
        return null;
    });

    public Task<UserChangeResult> SetEnabledAsync(int id, bool enabled) => ChangeAsync(id, enabled ? "enabled" : "disabled", async user =>
    {
        if (user.Disabled == !enabled) return UserChangeResult.Done(user);
        if (!enabled && await IsLastActiveAdminAsync(user))
            return UserChangeResult.Conflict("cannot disable the last active administrator");
        user.Disabled = !enabled;
        return null;
    });

    /// <summary>Sets a new password chosen by an administrator and lifts a lockout.</summary>
    public Task<UserChangeResult> ResetPasswordAsync(int id, string password) => ChangeAsync(id, "password reset by an administrator", async user =>
    {
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (problems.Count > 0)
            return UserChangeResult.Invalid("invalid password", new Dictionary<string, string[]> { ["password"] = [.. problems.Select(p => p.Description)] });
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        return null;
    });

    /// <summary>
    /// Loads the user and applies <paramref name="change"/>, which answers null to go ahead, or the final result
    /// (a refusal, or the unchanged user when there is nothing to do). A change is stored with a new security
    /// stamp, which ends the user's existing tokens and sessions.
    /// </summary>
    private async Task<UserChangeResult> ChangeAsync(int id, string description, Func<AppUser, Task<UserChangeResult?>> change)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return UserChangeResult.Missing;
        if (await change(user) is { } settled) return settled;

        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return UserChangeResult.Invalid("invalid user", ErrorsByField(result));
        LogChanged(user.UserName!, description);
        await audit.RecordAsync(AuditActions.UserChange, Target(user), description, CancellationToken.None);
        return UserChangeResult.Done(user);
    }

    private static string Target(AppUser user) => $"user #{user.Id} {user.UserName}";

    private async Task<bool> IsLastActiveAdminAsync(AppUser user) =>
        user.Role == UserRole.Admin && !user.Disabled
        && !await users.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRole.Admin && !u.Disabled);

    private static Dictionary<string, string[]> ErrorsByField(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "username")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserName}: {Change}")]
    private partial void LogChanged(string userName, string change);
}
