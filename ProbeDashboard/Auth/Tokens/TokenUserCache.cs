using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Auth.Tokens;

/// <summary>What a token must still agree with for its user to be let in (and whether the user has 2FA on, for <c>Auth:Require2fa</c>).</summary>
public sealed record TokenUserState(string SecurityStamp, UserRole Role, bool Disabled, bool TwoFactorEnabled = false);

/// <summary>
/// The current security stamp, role and disabled flag per user, read from the database and kept briefly so that
/// every API request does not cost a user lookup. <see cref="AppUserManager"/> forgets a user as soon as it
/// changes them, so a password change, a new role or disabling takes effect on the very next request.
/// </summary>
public sealed class TokenUserCache(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<int, (TokenUserState? State, DateTimeOffset ReadAt)> _entries = new();

    /// <returns>The user's state, or null when the user no longer exists.</returns>
    public async Task<TokenUserState?> GetAsync(int userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(userId, out var entry) && now - entry.ReadAt < Lifetime)
            return entry.State;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new TokenUserState(u.SecurityStamp ?? "", u.Role, u.Disabled, u.TwoFactorEnabled))
            .SingleOrDefaultAsync(cancellationToken);
        _entries[userId] = (state, now);
        return state;
    }

    public void Forget(int userId) => _entries.TryRemove(userId, out _);
}
