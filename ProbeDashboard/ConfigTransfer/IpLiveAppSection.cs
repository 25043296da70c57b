using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Compat.IpLive;

namespace ProbeDashboard.ConfigTransfer;

/// <summary>
/// An iplive app (seed 002 client). Its token is stored only as a hash; <see cref="TokenHash"/> travels with
/// secrets only, so that the same token keeps working on the server the file is imported into.
/// </summary>
public sealed record IpLiveAppItem(string? AppName, string? CallbackUrl, string? TokenHash = null, string? TokenPrefix = null);

/// <summary>iplive apps, matched by app name. Creating one needs its token hash (an export with secrets).</summary>
public sealed partial class IpLiveAppSection : IConfigSection
{
    public string Key => "iplive_apps";
    public int Order => 50;

    public async Task<JsonArray> ExportAsync(ExportContext context, CancellationToken cancellationToken)
    {
        var apps = await context.Db.IpLiveApps.AsNoTracking().ToListAsync(cancellationToken);
        return [.. apps.OrderBy(a => a.AppName, StringComparer.Ordinal).Select(a => JsonSerializer.SerializeToNode(
            new IpLiveAppItem(a.AppName, a.CallbackUrl, context.IncludeSecrets ? a.TokenHash : null, context.IncludeSecrets ? a.TokenPrefix : null),
            ConfigJson.Options))];
    }

    public async Task ImportAsync(JsonArray items, ImportContext context, CancellationToken cancellationToken)
    {
        foreach (var (where, item) in context.ReadItems<IpLiveAppItem>(Key, items, i => i.AppName, "app_name"))
        {
            var name = item.AppName!.Trim();
            var callback = string.IsNullOrWhiteSpace(item.CallbackUrl) ? null : item.CallbackUrl.Trim();
            if (IpLiveApps.Problem(name, callback) is { } problem) { context.Error(where, problem); continue; }
            if (item.TokenHash is { } hash && !TokenHashPattern().IsMatch(hash)) { context.Error(where + ".token_hash", "token_hash must be 64 lower-case hex characters"); continue; }

            var app = await context.Db.IpLiveApps.SingleOrDefaultAsync(a => a.AppName == name, cancellationToken);
            if (app is null)
            {
                if (item.TokenHash is null) { context.Error(where + ".token_hash", "a new app needs its token_hash (export with secrets), or create it in Settings"); continue; }
                context.Db.IpLiveApps.Add(new IpLiveApp
                {
                    AppName = name, CallbackUrl = callback, TokenHash = item.TokenHash, TokenPrefix = item.TokenPrefix ?? "", CreatedAt = context.Now,
                });
                context.Count(Key, ItemOutcome.Created);
                continue;
            }
            var changed = app.CallbackUrl != callback || (item.TokenHash is not null && item.TokenHash != app.TokenHash);
            app.CallbackUrl = callback;
            if (item.TokenHash is not null) (app.TokenHash, app.TokenPrefix) = (item.TokenHash, item.TokenPrefix ?? app.TokenPrefix);
            context.Count(Key, changed ? ItemOutcome.Updated : ItemOutcome.Unchanged);
        }
        await context.Db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex TokenHashPattern();
}
