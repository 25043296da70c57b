using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Accounts.ApiKeys;

/// <summary>A key with its owner's name, as lists show it.</summary>
public sealed record ApiKeyView(UserApiKey Key, string OwnerName);

public enum ApiKeyFailure
{
    None,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>Outcome of creating or revoking a key; <see cref="Secret"/> only right after creation (shown once).</summary>
public sealed record ApiKeyResult(ApiKeyFailure Failure, string Message = "", IReadOnlyDictionary<string, string[]>? Errors = null,
    ApiKeyView? Key = null, string? Secret = null)
{
    public static readonly ApiKeyResult Missing = new(ApiKeyFailure.NotFound, "API key not found");
}

/// <summary>
/// API keys for automation: each person makes, lists and revokes their own (admins see and revoke everyone's).
/// A key's scopes are a subset of what its owner may do when it is made; <see cref="AuthenticateAsync"/> checks a
/// presented key on every request, against the owner's current state, in one indexed query.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, IAuditLog audit)
{
    /// <summary>"Last used" is written at most this often per key, so busy automation does not write on every call.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The actor's own keys; with <paramref name="everyone"/> (admins only), every user's. Active keys first, newest first.</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        if (everyone) actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return await (from key in db.Set<UserApiKey>()
                      join user in db.Users on key.UserId equals user.Id
                      where everyone || key.UserId == own
                      orderby key.RevokedAt != null || (key.ExpiresAt != null && key.ExpiresAt <= now), key.Id descending
                      select new ApiKeyView(key, user.UserName ?? ""))
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task<ApiKeyResult> CreateAsync(Actor actor, string? name, IReadOnlyList<string>? scopes, DateTime? expiresAt, CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        var now = time.GetUtcNow().UtcDateTime;
        // A time without a zone is read as UTC, as every time on the wire is.
        expiresAt = expiresAt is { Kind: DateTimeKind.Unspecified } bare ? DateTime.SpecifyKind(bare, DateTimeKind.Utc) : expiresAt?.ToUniversalTime();
        var errors = new Dictionary<string, string[]>();
        if (name?.Trim() is not { Length: > 0 and <= UserApiKey.MaxNameLength })
            errors["name"] = [$"is required, at most {UserApiKey.MaxNameLength} characters"];
        if (scopes is not { Count: > 0 })
            errors["scopes"] = ["name at least one of " + string.Join(", ", UserApiKey.Grantable)];
        else if (scopes.FirstOrDefault(s => !UserApiKey.Grantable.Contains(s)) is { } unknown)
            errors["scopes"] = [$"'{unknown}' is not a scope; choose from " + string.Join(", ", UserApiKey.Grantable)];
        else if (scopes.FirstOrDefault(s => !actor.Can(s)) is { } beyond)
            errors["scopes"] = [$"'{beyond}' is more than your role allows"];
        if (expiresAt <= now)
            errors["expires_at"] = ["must be in the future"];
        if (errors.Count > 0) return new ApiKeyResult(ApiKeyFailure.Invalid, "invalid API key", errors);

        var secret = UserApiKey.NewKey();
        var key = new UserApiKey
        {
            UserId = own,
            Name = name!.Trim(),
            KeyHash = UserApiKey.Hash(secret),
            Prefix = secret[..12],
            Scopes = string.Join(' ', scopes!.Distinct().Order(StringComparer.Ordinal)),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.UserApiKeyCreate, Target(key), $"scopes {key.Scopes}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ApiKeyResult(ApiKeyFailure.None, Key: new ApiKeyView(key, actor.Name), Secret: secret);
    }

    /// <summary>Revokes one of the actor's keys (an admin: anyone's); it stops working on its next request.</summary>
    public async Task<ApiKeyResult> RevokeAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var own = actor.OwnUserId();
        var admin = actor.Can(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Someone else's key is "not found" to a non-admin: its existence is none of their business.
        var key = await db.Set<UserApiKey>().SingleOrDefaultAsync(k => k.Id == id && (admin || k.UserId == own), cancellationToken);
        if (key is null) return ApiKeyResult.Missing;
        if (key.RevokedAt is not null) return new ApiKeyResult(ApiKeyFailure.Conflict, "API key is already revoked");
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(db, actor, AuditActions.UserApiKeyRevoke, Target(key), key.UserId == own ? null : $"owner user #{key.UserId}");
        await db.SaveChangesAsync(cancellationToken);
        var owner = await db.Users.Where(u => u.Id == key.UserId).Select(u => u.UserName).SingleAsync(cancellationToken);
        return new ApiKeyResult(ApiKeyFailure.None, Key: new ApiKeyView(key, owner ?? ""));
    }

    /// <summary>
    /// Checks a presented key (authentication plumbing: there is no actor yet). One query by the key's hash (a
    /// unique index), joined with its owner, so a revoked key or a disabled owner is refused at once.
    /// </summary>
    public async Task<ApiKeyCheck> AuthenticateAsync(string presented, string? address, CancellationToken cancellationToken)
    {
        var hash = UserApiKey.Hash(presented.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from key in db.Set<UserApiKey>()
                           join user in db.Users on key.UserId equals user.Id
                           where key.KeyHash == hash
                           select new { key.Id, key.UserId, key.Scopes, key.ExpiresAt, key.RevokedAt, key.LastUsedAt, key.LastUsedAddress, user.UserName, user.Role, user.Disabled })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (found is null) return ApiKeyCheck.Refused("invalid API key");
        if (found.RevokedAt is not null) return ApiKeyCheck.Refused("API key revoked");
        if (found.ExpiresAt <= now) return ApiKeyCheck.Refused("API key expired");
        if (found.Disabled) return ApiKeyCheck.Refused("the API key's owner is disabled");

        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUsedResolution || found.LastUsedAddress != address)
            await db.Set<UserApiKey>().Where(k => k.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now).SetProperty(k => k.LastUsedAddress, address), cancellationToken);
        // A demoted owner's key loses what the new role no longer allows.
        var allowed = Permissions.For(found.Role);
        var scopes = found.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(allowed.Contains).ToList();
        return new ApiKeyCheck(new ApiKeyIdentity(found.Id, found.UserId, found.UserName ?? "", found.Role, scopes), null);
    }

    private static string Target(UserApiKey key) => $"api key #{key.Id} {key.Name} ({key.Prefix}…)";
}

/// <summary>Whom a valid key acts for, and with which permissions.</summary>
public sealed record ApiKeyIdentity(int KeyId, int UserId, string UserName, UserRole Role, IReadOnlyList<string> Permissions);

/// <summary>A key's check: the identity, or a refusal that is safe to tell the caller.</summary>
public sealed record ApiKeyCheck(ApiKeyIdentity? Identity, string? Refusal)
{
    public static ApiKeyCheck Refused(string reason) => new(null, reason);
}
