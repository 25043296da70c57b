using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

/// <summary>Creates, lists, revokes and checks agent tokens.</summary>
public sealed class AgentTokenService(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, IAuditLog audit)
{
    /// <summary>"Last used" is written at most this often, so a once-a-second start/stop poll does not write every time.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public const int MaxNameLength = 200;

    /// <summary>What <see cref="CreateAsync"/> accepts as a name: not blank, at most <see cref="MaxNameLength"/> characters once trimmed.</summary>
    public static bool IsValidName(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength };

    /// <returns>The stored token and its plain secret, which is never available again.</returns>
    public async Task<(AgentToken Token, string Secret)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var secret = AgentToken.NewSecret();
        var token = new AgentToken
        {
            Name = name.Trim(),
            TokenHash = AgentToken.Hash(secret),
            Prefix = secret[..10],
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AgentTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.AgentTokenCreate, $"agent token #{token.Id} {token.Name}", $"prefix {token.Prefix}", cancellationToken);
        return (token, secret);
    }

    /// <returns>False when no token has this id. Revoking twice keeps the first revocation time.</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.AgentTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null) return false;
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.AgentTokenRevoke, $"agent token #{token.Id} {token.Name}", null, cancellationToken);
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
}
