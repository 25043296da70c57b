using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Email;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>Why seed 004's user and alert-group calls refuse; the host maps each to the seed's code.</summary>
public enum OpenApiUserOutcome { Ok, NotPartner, UnknownUser, InvalidEmail, UserExists, AlertGroupLimitReached, InvalidAlertGroup }

/// <summary>An alert group of a client's user: its public gid and the notification group behind it.</summary>
public sealed record OpenApiAlertGroupView(string Gid, NotificationGroup Group);

/// <summary>
/// Seed 004's users (a partner client's sub-accounts) and alert groups (notification groups owned by a client's
/// user). The client is the actor; what it may do is the seed's rule (only partners create or name other users),
/// and each change commits its audit entry with it.
/// </summary>
public sealed class OpenApiUserService(
    IDbContextFactory<ProbeDbContext> dbFactory,
    NotificationGroupService groups,
    IOptions<OpenApiOptions> options,
    TimeProvider time,
    IAuditLog audit)
{
    /// <summary>
    /// The user a call acts for. Without a name (or with the client's own) that is the client's own account; only a
    /// partner may name another user, and only one it created. Part of authenticating the call: no actor yet.
    /// </summary>
    public async Task<(string? UserName, OpenApiUserOutcome Outcome)> ResolveUserAsync(OpenApiCaller caller, string? named, CancellationToken cancellationToken)
    {
        if (named is null || named == caller.Name) return (caller.Name, OpenApiUserOutcome.Ok);
        if (!caller.IsPartner) return (null, OpenApiUserOutcome.NotPartner);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exists = await db.OpenApiUsers.AnyAsync(u => u.ClientId == caller.ClientId && u.Email == named, cancellationToken);
        return exists ? (named, OpenApiUserOutcome.Ok) : (null, OpenApiUserOutcome.UnknownUser);
    }

    /// <summary>Partners only; the e-mail must be valid and new for this partner.</summary>
    public async Task<OpenApiUserOutcome> CreateUserAsync(Actor actor, OpenApiCaller caller, string? email, CancellationToken cancellationToken)
    {
        if (!caller.IsPartner) return OpenApiUserOutcome.NotPartner;
        if (email is null || email.Length > OpenApiClient.MaxNameLength || !EmailAddressSyntax.IsValid(email)) return OpenApiUserOutcome.InvalidEmail;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (email == caller.Name || await db.OpenApiUsers.AnyAsync(u => u.ClientId == caller.ClientId && u.Email == email, cancellationToken))
            return OpenApiUserOutcome.UserExists;
        db.OpenApiUsers.Add(new OpenApiUser { ClientId = caller.ClientId, Email = email, CreatedAt = time.GetUtcNow().UtcDateTime });
        audit.Add(db, actor, AuditActions.OpenApiUserCreate, $"open-API user {email} of client #{caller.ClientId}", null);
        await db.SaveChangesAsync(cancellationToken);
        return OpenApiUserOutcome.Ok;
    }

    /// <summary>The user's alert groups, oldest first, with their recipients.</summary>
    public async Task<IReadOnlyList<OpenApiAlertGroupView>> ListAlertGroupsAsync(OpenApiCaller caller, string user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from a in db.OpenApiAlertGroups.AsNoTracking()
                      join g in db.NotificationGroups.AsNoTracking().Include(g => g.Recipients.OrderBy(r => r.Id)) on a.NotificationGroupId equals g.Id
                      where a.ClientId == caller.ClientId && a.UserName == user
                      orderby a.CreatedAt, a.Gid
                      select new OpenApiAlertGroupView(a.Gid, g)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Creates an alert group for the user, within the seed's limit per user: the notification group
    /// (<paramref name="createGroup"/>, which writes its own audit entry) and the gid that names it, in one transaction.
    /// </summary>
    /// <param name="gid">The new alert group's public id (<see cref="OpenApiClient.NewPublicId"/>).</param>
    public async Task<(OpenApiUserOutcome Outcome, string? Problem)> CreateAlertGroupAsync(
        Actor actor, OpenApiCaller caller, string user, string gid, NotificationGroupInput group, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owned = db.OpenApiAlertGroups.Where(g => g.ClientId == caller.ClientId && g.UserName == user);
        if (await owned.CountAsync(cancellationToken) >= options.Value.MaxAlertGroups) return (OpenApiUserOutcome.AlertGroupLimitReached, null);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await groups.SaveAsync(db, actor, null, group, cancellationToken);
        if (saved.Outcome != GroupChangeOutcome.Done) return (OpenApiUserOutcome.InvalidAlertGroup, saved.Message);
        db.OpenApiAlertGroups.Add(new OpenApiAlertGroup
        {
            Gid = gid, ClientId = caller.ClientId, UserName = user, NotificationGroupId = saved.Group!.Id, CreatedAt = saved.Group.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (OpenApiUserOutcome.Ok, null);
    }
}
