using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.SingleSignOn;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Users;

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
/// Administration of user accounts for the API, the UI and the CLI; every command demands admin. Keeps at least one
/// enabled administrator, and renews the security stamp on every change of password, role or state so existing
/// tokens and sessions stop working. Scoped: it shares the Identity store's context, so a change and its audit
/// entry commit in one transaction. (Sign-in, token issuing and the security-stamp checks stay with Identity in
/// the host: they authenticate, they do not administer.)
/// </summary>
public sealed partial class UserService(UserManager<AppUser> users, ProbeDbContext db, TimeProvider time, IAuditLog audit, ILogger<UserService> logger)
{
    public async Task<List<AppUser>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        return await users.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The users who sign in through an identity provider (linked by single sign-on), for the list's "how they sign in".</summary>
    public async Task<IReadOnlySet<int>> SingleSignOnUserIdsAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        return (await db.UserLogins.AsNoTracking().Where(l => l.LoginProvider.StartsWith(ExternalSignInService.LoginProviderPrefix))
            .Select(l => l.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<AppUser?> FindAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        return await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    public async Task<UserChangeResult> CreateAsync(Actor actor, string userName, string password, UserRole role)
    {
        actor.Demand(Permissions.Admin);
        var user = new AppUser { UserName = userName.Trim(), Role = role, CreatedAt = time.GetUtcNow().UtcDateTime };
        // The entry names the new id, known only after the insert: two saves, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            audit.Add(db, actor, AuditActions.UserCreate, Target(user), $"role {RoleName(role)}");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            LogChanged(user.UserName!, $"created as {RoleName(role)}");
            return UserChangeResult.Done(user);
        }
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
            ? UserChangeResult.Conflict($"user name '{user.UserName}' is taken")
            : UserChangeResult.Invalid("invalid user", ErrorsByField(result));
    }

    public Task<UserChangeResult> SetRoleAsync(Actor actor, int id, UserRole role) => ChangeAsync(actor, id, $"role set to {RoleName(role)}", async user =>
    {
        if (user.Role == role) return UserChangeResult.Done(user);
        if (role != UserRole.Admin && await IsLastActiveAdminAsync(user))
            return UserChangeResult.Conflict("cannot demote the last active administrator");
        user.Role = role;
        return null;
    });

    public Task<UserChangeResult> SetEnabledAsync(Actor actor, int id, bool enabled) => ChangeAsync(actor, id, enabled ? "enabled" : "disabled", async user =>
    {
        if (user.Disabled == !enabled) return UserChangeResult.Done(user);
        if (!enabled && await IsLastActiveAdminAsync(user))
            return UserChangeResult.Conflict("cannot disable the last active administrator");
        user.Disabled = !enabled;
        return null;
    });

    /// <summary>Sets a new password chosen by an administrator and lifts a lockout.</summary>
    public Task<UserChangeResult> ResetPasswordAsync(Actor actor, int id, string password) => ChangeAsync(actor, id, "password reset by an administrator", async user =>
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
    private async Task<UserChangeResult> ChangeAsync(Actor actor, int id, string description, Func<AppUser, Task<UserChangeResult?>> change)
    {
        actor.Demand(Permissions.Admin);
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return UserChangeResult.Missing;
        if (await change(user) is { } settled) return settled;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return UserChangeResult.Invalid("invalid user", ErrorsByField(result));
        audit.Add(db, actor, AuditActions.UserChange, Target(user), description);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        LogChanged(user.UserName!, description);
        return UserChangeResult.Done(user);
    }

    /// <summary>As on the wire: admin, operator, viewer.</summary>
    private static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();

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
