using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Accounts.Sessions;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Accounts.Passwords;

/// <summary>Outcome of a password change; field errors are keyed as on the wire (current_password, new_password).</summary>
public sealed record PasswordChangeResult(IReadOnlyDictionary<string, string[]>? Errors, AppUser? User = null, int SessionsEnded = 0)
{
    public bool Succeeded => Errors is null;
}

/// <summary>
/// A person changes their own password (an administrator's reset is <c>UserService</c>'s). It renews the security
/// stamp, so every cookie and token issued before stops working, and it ends every session but the one it was made
/// from in the same transaction: whoever had the old password is out at once.
/// </summary>
public sealed class PasswordChangeService(UserManager<AppUser> users, ProbeDbContext db, TimeProvider time, IAuditLog audit, SessionService sessions)
{
    /// <param name="keepSessionKey">The session the change is made from, which stays on; null ends all.</param>
    public async Task<PasswordChangeResult> ChangeAsync(Actor actor, string? currentPassword, string? newPassword, string? keepSessionKey,
        CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(currentPassword)) errors["current_password"] = ["required"];
        if (string.IsNullOrEmpty(newPassword)) errors["new_password"] = ["required"];
        if (errors.Count > 0) return new PasswordChangeResult(errors);
        var user = await users.FindByIdAsync(own.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new AccessDeniedException(actor, AccountActor.SignedInUser);

        // A wrong current password counts towards the lockout, as at sign-in: a left-open browser is no way to guess it.
        if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, currentPassword!))
        {
            if (!await users.IsLockedOutAsync(user)) await users.AccessFailedAsync(user);
            return new PasswordChangeResult(new Dictionary<string, string[]> { ["current_password"] = ["is wrong"] });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded)
            return new PasswordChangeResult(new Dictionary<string, string[]> { ["new_password"] = [.. changed.Errors.Select(e => e.Description)] });
        var now = time.GetUtcNow().UtcDateTime;
        var ended = await db.Set<UserSession>().Where(s => s.UserId == own && s.EndedAt == null && s.Key != keepSessionKey)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        audit.Add(db, actor, AuditActions.PasswordChange, $"user #{own} {user.UserName}", $"{ended} other sessions ended");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessions.ForgetUser(own, keepSessionKey);
        return new PasswordChangeResult(null, user, ended);
    }
}
