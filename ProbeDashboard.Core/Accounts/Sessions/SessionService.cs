using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Accounts.Sessions;

/// <summary>A session as its owner's list shows it; <see cref="Current"/> is the one the list was asked from.</summary>
public sealed record SessionView(int Id, SessionKind Kind, string? Device, string? Address, DateTime CreatedAt, DateTime LastSeenAt,
    DateTime? ExpiresAt, bool Current);

/// <summary>
/// Signed-in browsers and API tokens per user. Sign-in starts a session (plumbing: <see cref="StartAsync"/>, no actor
/// yet), every request checks it (<see cref="CheckAsync"/>), and its owner lists and ends them. A password change
/// ends all but the session it was made from.
/// </summary>
public sealed class SessionService(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, IAuditLog audit)
{
    /// <summary>"Last seen" is written at most this often per session, so a busy client does not write on every request.</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a session found on stays trusted without a query, so an API request does not cost one more. Ending
    /// a session here drops it at once; on another node of a cluster it takes up to this long (as for a user's
    /// cached security stamp).
    /// </summary>
    private static readonly TimeSpan CheckedLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (int UserId, DateTime? ExpiresAt, DateTime CheckedAt)> _checked = new();

    /// <returns>The new session's key, for the cookie or token to carry.</returns>
    public async Task<string> StartAsync(int userId, SessionKind kind, string? userAgent, string? address, DateTime? expiresAt,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            UserId = userId, Key = UserSession.NewKey(), Kind = kind, Device = UserSession.DeviceFrom(userAgent),
            Address = Shorten(address), CreatedAt = now, LastSeenAt = now, ExpiresAt = expiresAt,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Key;
    }

    /// <summary>
    /// Whether the session <paramref name="key"/> of <paramref name="userId"/> is still on; notes when and from
    /// where it was last seen. An indexed read at most every 30 s per session, a write at most once a minute.
    /// </summary>
    public async Task<bool> CheckAsync(string key, int userId, string? address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_checked.TryGetValue(key, out var seen) && now - seen.CheckedAt < CheckedLifetime)
            return seen.UserId == userId && !(seen.ExpiresAt <= now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<UserSession>().AsNoTracking().Where(s => s.Key == key)
            .Select(s => new { s.Id, s.UserId, s.EndedAt, s.ExpiresAt, s.LastSeenAt, s.Address }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.UserId != userId || found.EndedAt is not null || found.ExpiresAt <= now) return false;
        _checked[key] = (found.UserId, found.ExpiresAt, now);
        // A check without an address (a live circuit's) keeps the one last seen.
        address = Shorten(address) ?? found.Address;
        if (now - found.LastSeenAt > LastSeenResolution || found.Address != address)
            await db.Set<UserSession>().Where(s => s.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.Address, address), cancellationToken);
        return true;
    }

    /// <summary>Signing out ends the browser's session, so it leaves the list (plumbing: the cookie is the proof).</summary>
    public async Task SignedOutAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<UserSession>().Where(s => s.Key == key && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        _checked.TryRemove(key, out _);
    }

    /// <summary>The actor's sessions that are still on, most recently seen first.</summary>
    /// <param name="currentKey">The session the actor asks from (marked <see cref="SessionView.Current"/>), if known.</param>
    public async Task<IReadOnlyList<SessionView>> ListAsync(Actor actor, string? currentKey, CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == own && s.EndedAt == null && (s.ExpiresAt == null || s.ExpiresAt > now))
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.Id)
            .Select(s => new SessionView(s.Id, s.Kind, s.Device, s.Address, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Key == currentKey))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one of the actor's sessions: its next request is refused (a browser goes to the sign-in page).</summary>
    /// <returns>False when the actor has no such session still on (someone else's is "not found" too).</returns>
    public async Task<bool> EndAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Set<UserSession>().SingleOrDefaultAsync(s => s.Id == id && s.UserId == own && s.EndedAt == null, cancellationToken);
        if (session is null) return false;
        session.EndedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(db, actor, AuditActions.SessionEnd, Target(session), session.Device);
        await db.SaveChangesAsync(cancellationToken);
        _checked.TryRemove(session.Key, out _);
        return true;
    }

    /// <summary>Ends every session of the actor but <paramref name="keepKey"/> (the one asking), e.g. after a password change.</summary>
    /// <returns>How many sessions ended.</returns>
    public async Task<int> EndOthersAsync(Actor actor, string? keepKey, string reason, CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Set<UserSession>().Where(s => s.UserId == own && s.EndedAt == null && s.Key != keepKey)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        audit.Add(db, actor, AuditActions.SessionEndOthers, $"user #{own} {actor.Name}", $"{ended} ended: {reason}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ForgetUser(own, keepKey);
        return ended;
    }

    /// <summary>Drops the user's trusted sessions but <paramref name="keepKey"/>, after they were ended in the database.</summary>
    public void ForgetUser(int userId, string? keepKey)
    {
        foreach (var (key, seen) in _checked)
            if (seen.UserId == userId && key != keepKey)
                _checked.TryRemove(key, out _);
    }

    private static string? Shorten(string? address) =>
        address is { Length: > UserSession.MaxAddressLength } ? address[..UserSession.MaxAddressLength] : address;

    private static string Target(UserSession session) => $"session #{session.Id} ({session.Kind}) of user #{session.UserId}";
}
