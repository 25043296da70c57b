using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

/// <summary>
/// Agent tokens: administrators create (the secret is shown once), list and revoke them; the agent protocol checks
/// them (<see cref="IsValidAsync"/>, authentication plumbing: no actor yet).
/// </summary>
public sealed class AgentTokenService(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, IAuditLog audit)
{
    /// <summary>"Last used" is written at most this often, so a once-a-second start/stop poll does not write every time.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public const int MaxNameLength = 200;

    /// <summary>What <see cref="CreateAsync"/> accepts as a name: not blank, at most <see cref="MaxNameLength"/> characters once trimmed.</summary>
    public static bool IsValidName(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength };

    /// <summary>Active tokens first, newest first.</summary>
    public async Task<IReadOnlyList<AgentToken>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AgentTokens.AsNoTracking().OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <returns>The stored token and its plain secret, which is never available again; null when the name is invalid.</returns>
    public async Task<(AgentToken Token, string Secret)?> CreateAsync(Actor actor, string? name, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        if (!IsValidName(name)) return null;
        var secret = AgentToken.NewSecret();
        var token = new AgentToken
        {
            Name = name!.Trim(),
            TokenHash = AgentToken.Hash(secret),
            Prefix = secret[..10],
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AgentTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.AgentTokenCreate, Target(token), $"prefix {token.Prefix}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (token, secret);
    }

    /// <returns>False when no token has this id. Revoking twice keeps the first revocation time.</returns>
    public async Task<bool> RevokeAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.AgentTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null) return false;
        if (token.RevokedAt is not null) return true;
        token.RevokedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(db, actor, AuditActions.AgentTokenRevoke, Target(token), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>True when <paramref name="secret"/> is a token that exists and is not revoked.</summary>
    public async Task<bool> IsValidAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret)) return false;
        var hash = AgentToken.Hash(secret.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.AgentTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null) return false;

        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    private static string Target(AgentToken token) => $"agent token #{token.Id} {token.Name}";
}
