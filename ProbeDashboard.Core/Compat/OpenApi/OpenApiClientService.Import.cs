using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.ConfigTransfer;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>A client as a configuration file carries it; <see cref="ApiKey"/> (in clear) only in an export with secrets.</summary>
public sealed record OpenApiClientImport(string ApiId, string? Name, bool IsPartner, int TaskLimit, bool Revoked, string? ApiKey);

public sealed partial class OpenApiClientService
{
    /// <summary>The clients for an export, by api_id; keys in clear only when <paramref name="includeSecrets"/>.</summary>
    public async Task<IReadOnlyList<OpenApiClientImport>> ExportAsync(Actor actor, bool includeSecrets, CancellationToken cancellationToken)
    {
        var clients = await ListAsync(actor, cancellationToken);
        return [.. clients.Select(v => v.Client).OrderBy(c => c.ApiId, StringComparer.Ordinal).Select(c => new OpenApiClientImport(
            c.ApiId, c.Name, c.IsPartner, c.TaskLimit, c.RevokedAt is not null, includeSecrets ? secrets.Unprotect(c.ProtectedKey) : null))];
    }

    /// <summary>
    /// Creates or updates the client with this api_id in the caller's context (the import's transaction) with its
    /// audit entry, saving but not committing. A new client needs its api_key; without one an existing client keeps its key.
    /// </summary>
    public async Task<ImportItemResult> ImportAsync(ProbeDbContext db, Actor actor, OpenApiClientImport item, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var apiId = item.ApiId.Trim();
        if (!ApiIdPattern().IsMatch(apiId)) return ImportItemResult.Refused("api_id", "api_id must be 24 lower-case hex characters");
        if (!IsValid(item.Name, item.TaskLimit))
            return ImportItemResult.Refused(null, $"name is required (at most {OpenApiClient.MaxNameLength} characters) and task_limit must be 0 to {MaxTaskLimit}");
        var client = await db.OpenApiClients.SingleOrDefaultAsync(c => c.ApiId == apiId, cancellationToken);
        if (client is null && string.IsNullOrEmpty(item.ApiKey))
            return ImportItemResult.Refused("api_key", "a new client needs its api_key (export with secrets), or create it in Settings");

        var now = time.GetUtcNow().UtcDateTime;
        var before = client is null ? null : Describe(client);
        if (client is null)
        {
            client = new OpenApiClient { ApiId = apiId, CreatedAt = now };
            db.OpenApiClients.Add(client);
        }
        client.Name = item.Name!.Trim();
        client.IsPartner = item.IsPartner;
        client.TaskLimit = item.TaskLimit;
        client.RevokedAt = item.Revoked ? client.RevokedAt ?? now : null;
        var keyChanged = item.ApiKey is { Length: > 0 } key && (before is null || secrets.Unprotect(client.ProtectedKey) != key);
        if (keyChanged) client.ProtectedKey = secrets.Protect(item.ApiKey!);
        if (before is not null && before == Describe(client) && !keyChanged) return new(ImportOutcome.Unchanged);

        await db.SaveChangesAsync(cancellationToken);
        var detail = before is null ? $"imported, api_id {apiId}" : $"imported: {before} -> {Describe(client)}{(keyChanged ? ", key replaced" : "")}";
        audit.Add(db, actor, before is null ? AuditActions.ApiKeyCreate : AuditActions.ApiKeyUpdate, Target(client), detail);
        await db.SaveChangesAsync(cancellationToken);
        return new(before is null ? ImportOutcome.Created : ImportOutcome.Updated);
    }

    private static string Describe(OpenApiClient c) => $"{c.Name}|partner {c.IsPartner}|limit {c.TaskLimit}|{(c.RevokedAt is null ? "active" : "revoked")}";

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex ApiIdPattern();
}
