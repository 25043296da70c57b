using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.ConfigTransfer;

/// <summary>
/// An open-API client (seed 004), keyed by its public api_id. <see cref="ApiKey"/> (the HMAC key, in clear) travels
/// with secrets only; without it an existing client keeps its key.
/// </summary>
public sealed record OpenApiClientItem(string? ApiId, string? Name, bool? IsPartner, int? TaskLimit, bool? Revoked, string? ApiKey = null);

/// <summary>Open-API clients, matched by api_id. Creating one needs its api_key (an export with secrets).</summary>
public sealed partial class OpenApiClientSection(SecretProtector secrets) : IConfigSection
{
    public string Key => "openapi_clients";
    public int Order => 60;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var clients = await context.Db.OpenApiClients.AsNoTracking().ToListAsync(cancellationToken);
        return [.. clients.OrderBy(c => c.ApiId, StringComparer.Ordinal).Select(c => JsonSerializer.SerializeToNode(
            new OpenApiClientItem(c.ApiId, c.Name, c.IsPartner, c.TaskLimit, c.RevokedAt is not null,
                context.IncludeSecrets ? secrets.Unprotect(c.ProtectedKey) : null), ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<OpenApiClientItem>(Key, items, i => i.ApiId, "api_id"))
        {
            var apiId = item.ApiId!.Trim();
            var limit = item.TaskLimit ?? new OpenApiClient().TaskLimit;
            if (!ApiIdPattern().IsMatch(apiId)) { context.Error(where + ".api_id", "api_id must be 24 lower-case hex characters"); continue; }
            if (!OpenApiClientService.IsValid(item.Name, limit))
            {
                context.Error(where, $"name is required (at most {OpenApiClient.MaxNameLength} characters) and task_limit must be 0 to {OpenApiClientService.MaxTaskLimit}");
                continue;
            }
            var client = await context.Db.OpenApiClients.SingleOrDefaultAsync(c => c.ApiId == apiId, cancellationToken);
            if (client is null && string.IsNullOrEmpty(item.ApiKey))
            {
                context.Error(where + ".api_key", "a new client needs its api_key (export with secrets), or create it in Settings");
                continue;
            }
            var before = client is null ? null : Describe(client);
            if (client is null)
            {
                client = new OpenApiClient { ApiId = apiId, CreatedAt = context.Now };
                context.Db.OpenApiClients.Add(client);
            }
            client.Name = item.Name!.Trim();
            client.IsPartner = item.IsPartner ?? false;
            client.TaskLimit = limit;
            client.RevokedAt = item.Revoked == true ? client.RevokedAt ?? context.Now : null;
            var keyChanged = item.ApiKey is { Length: > 0 } key && (before is null || secrets.Unprotect(client.ProtectedKey) != key);
            if (keyChanged) client.ProtectedKey = secrets.Protect(item.ApiKey!);
            context.Count(Key, before is null ? ItemOutcome.Created : before == Describe(client) && !keyChanged ? ItemOutcome.Unchanged : ItemOutcome.Updated);
        }
        await context.Db.SaveChangesAsync(cancellationToken);
    }

    private static string Describe(OpenApiClient c) => $"{c.Name}|{c.IsPartner}|{c.TaskLimit}|{c.RevokedAt is not null}";

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex ApiIdPattern();
}
