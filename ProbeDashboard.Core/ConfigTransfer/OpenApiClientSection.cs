using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Compat.OpenApi;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// An open-API client (seed 004), keyed by its public api_id. <see cref="ApiKey"/> (the HMAC key, in clear) travels
/// with secrets only; without it an existing client keeps its key.
/// </summary>
public sealed record OpenApiClientItem(string? ApiId, string? Name, bool? IsPartner, int? TaskLimit, bool? Revoked, string? ApiKey = null);

/// <summary>Open-API clients, matched by api_id, through <see cref="OpenApiClientService"/>. Creating one needs its api_key (an export with secrets).</summary>
public sealed class OpenApiClientSection(OpenApiClientService clients) : IConfigSection
{
    public string Key => "openapi_clients";
    public int Order => 60;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken) =>
        [.. (await clients.ExportAsync(context.Actor, context.IncludeSecrets, cancellationToken)).Select(c => JsonSerializer.SerializeToNode(
            new OpenApiClientItem(c.ApiId, c.Name, c.IsPartner, c.TaskLimit, c.Revoked, c.ApiKey), ConfigJson.Options))];

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<OpenApiClientItem>(Key, items, i => i.ApiId, "api_id"))
        {
            var import = new OpenApiClientImport(item.ApiId!, item.Name, item.IsPartner ?? false,
                item.TaskLimit ?? new OpenApiClient().TaskLimit, item.Revoked == true, item.ApiKey);
            context.Count(Key, where, await clients.ImportAsync(context.Db, context.Actor, import, cancellationToken));
        }
    }
}
