using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Compat.IpLive;

namespace ProbeDashboard.Core.ConfigTransfer;

/// <summary>
/// An iplive app (seed 002 client). Its token is stored only as a hash; <see cref="TokenHash"/> travels with
/// secrets only, so that the same token keeps working on the server the file is imported into.
/// </summary>
public sealed record IpLiveAppItem(string? AppName, string? CallbackUrl, string? TokenHash = null, string? TokenPrefix = null);

/// <summary>iplive apps, matched by app name, through <see cref="IpLiveApps"/>. Creating one needs its token hash (an export with secrets).</summary>
public sealed class IpLiveAppSection(IpLiveApps apps) : IConfigSection
{
    public string Key => "iplive_apps";
    public int Order => 50;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken) =>
        [.. (await apps.ExportAsync(context.Actor, context.IncludeSecrets, cancellationToken)).Select(a => JsonSerializer.SerializeToNode(
            new IpLiveAppItem(a.AppName, a.CallbackUrl, a.TokenHash, a.TokenPrefix), ConfigJson.Options))];

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<IpLiveAppItem>(Key, items, i => i.AppName, "app_name"))
        {
            var result = await apps.ImportAsync(context.Db, context.Actor,
                new IpLiveAppImport(item.AppName!, item.CallbackUrl, item.TokenHash, item.TokenPrefix), cancellationToken);
            context.Count(Key, where, result);
        }
    }
}
