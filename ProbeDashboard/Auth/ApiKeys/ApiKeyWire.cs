using ProbeDashboard.Core.Accounts.ApiKeys;

namespace ProbeDashboard.Auth.ApiKeys;

/// <param name="Name">What the key is for, e.g. "deploy pipeline".</param>
/// <param name="Scopes">A subset of your permissions: service_monitors:read/write, alert_rules:read/write, alert_events:read/write.</param>
/// <param name="ExpiresAt">When the key stops working (UTC); never when left out.</param>
public sealed record CreateApiKeyRequest(string? Name, List<string>? Scopes, DateTime? ExpiresAt);

/// <summary>A key as lists show it: never the key itself, only its first characters.</summary>
public record ApiKeyResponse(int Id, string Name, string Owner, int OwnerId, string Prefix, IReadOnlyList<string> Scopes,
    DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string? LastUsedAddress, bool Active)
{
    public static ApiKeyResponse From(ApiKeyView view, DateTime now) => new(view.Key.Id, view.Key.Name, view.OwnerName, view.Key.UserId,
        view.Key.Prefix, view.Key.ScopeList, view.Key.CreatedAt, view.Key.ExpiresAt, view.Key.RevokedAt, view.Key.LastUsedAt,
        view.Key.LastUsedAddress, view.Key.IsActiveAt(now));
}

/// <param name="Key">The key, shown only in this answer: send it as "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;".</param>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);
