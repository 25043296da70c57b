using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.ConfigTransfer;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>An app as a configuration file carries it; the token only as its hash, and only in an export with secrets.</summary>
public sealed record IpLiveAppImport(string AppName, string? CallbackUrl, string? TokenHash, string? TokenPrefix);

public sealed partial class IpLiveApps
{
    /// <summary>The apps for an export, by name; token hashes only when <paramref name="includeSecrets"/>.</summary>
    public async Task<IReadOnlyList<IpLiveAppImport>> ExportAsync(Actor actor, bool includeSecrets, CancellationToken cancellationToken)
    {
        var apps = await ListAsync(actor, cancellationToken);
        return [.. apps.OrderBy(a => a.AppName, StringComparer.Ordinal).Select(a =>
            new IpLiveAppImport(a.AppName, a.CallbackUrl, includeSecrets ? a.TokenHash : null, includeSecrets ? a.TokenPrefix : null))];
    }

    /// <summary>
    /// Creates or updates the app named in <paramref name="item"/> in the caller's context (the import's
    /// transaction) with its audit entry, saving but not committing. A new app needs its token hash.
    /// </summary>
    public async Task<ImportItemResult> ImportAsync(ProbeDbContext db, Actor actor, IpLiveAppImport item, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        var name = item.AppName.Trim();
        var callback = Blank(item.CallbackUrl);
        if (Problem(name, callback) is { } problem) return ImportItemResult.Refused(null, problem);
        if (item.TokenHash is { } hash && !TokenHashPattern().IsMatch(hash)) return ImportItemResult.Refused("token_hash", "token_hash must be 64 lower-case hex characters");

        var app = await db.IpLiveApps.SingleOrDefaultAsync(a => a.AppName == name, cancellationToken);
        if (app is null)
        {
            if (item.TokenHash is null) return ImportItemResult.Refused("token_hash", "a new app needs its token_hash (export with secrets), or create it in Settings");
            app = new IpLiveApp
            {
                AppName = name, CallbackUrl = callback, TokenHash = item.TokenHash, TokenPrefix = item.TokenPrefix ?? "", CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.IpLiveApps.Add(app);
            await db.SaveChangesAsync(cancellationToken);
            audit.Add(db, actor, AuditActions.IpLiveAppCreate, Target(app), "imported");
            await db.SaveChangesAsync(cancellationToken);
            return new(ImportOutcome.Created);
        }
        var tokenChanged = item.TokenHash is not null && item.TokenHash != app.TokenHash;
        if (app.CallbackUrl == callback && !tokenChanged) return new(ImportOutcome.Unchanged);
        var detail = $"imported: callback_url {app.CallbackUrl ?? "none"} -> {callback ?? "none"}{(tokenChanged ? ", token replaced" : "")}";
        app.CallbackUrl = callback;
        if (tokenChanged) (app.TokenHash, app.TokenPrefix) = (item.TokenHash!, item.TokenPrefix ?? app.TokenPrefix);
        audit.Add(db, actor, AuditActions.IpLiveAppUpdate, Target(app), detail);
        await db.SaveChangesAsync(cancellationToken);
        return new(ImportOutcome.Updated);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex TokenHashPattern();
}
