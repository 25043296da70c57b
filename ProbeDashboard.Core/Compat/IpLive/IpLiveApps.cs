using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>
/// The apps that may call the iplive API: created by an admin (token shown once), listed, edited, deleted, imported
/// (<c>IpLiveApps.Import.cs</c>). Administration demands admin and commits its audit entry with the change; the
/// token checks of the iplive API itself are authentication and take no actor.
/// </summary>
public sealed partial class IpLiveApps(IDbContextFactory<ProbeDbContext> dbFactory, TimeProvider time, IAuditLog audit)
{
    public const int MaxNameLength = 100;

    /// <returns>A problem with the name or callback URL, or null when both are acceptable.</returns>
    public static string? Problem(string? appName, string? callbackUrl)
    {
        if (appName?.Trim() is not { Length: > 0 and <= MaxNameLength } name) return $"app_name is required, at most {MaxNameLength} characters";
        if (name.Any(c => char.IsWhiteSpace(c) || c == '/')) return "app_name must not contain spaces or '/'";
        if (!string.IsNullOrWhiteSpace(callbackUrl) && !Monitors.MonitorTargetRules.IsHttpUrl(callbackUrl.Trim()))
            return "callback_url must be an absolute http:// or https:// URL";
        return null;
    }

    /// <returns>The app and its plain token (never available again), or null when the name is taken.</returns>
    public async Task<(IpLiveApp App, string Token)?> CreateAsync(Actor actor, string appName, string? callbackUrl, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = appName.Trim();
        if (await db.IpLiveApps.AnyAsync(a => a.AppName == name, cancellationToken)) return null;
        var token = IpLiveApp.NewToken();
        var app = new IpLiveApp
        {
            AppName = name,
            TokenHash = IpLiveApp.Hash(token),
            TokenPrefix = token[..10],
            CallbackUrl = Blank(callbackUrl),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.IpLiveApps.Add(app);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.IpLiveAppCreate, Target(app), $"token prefix {app.TokenPrefix}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (app, token);
    }

    public async Task<List<IpLiveApp>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IpLiveApps.AsNoTracking().OrderBy(a => a.AppName).ToListAsync(cancellationToken);
    }

    /// <returns>False when no app has this id.</returns>
    public async Task<bool> SetCallbackAsync(Actor actor, int id, string? callbackUrl, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var app = await db.IpLiveApps.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (app is null) return false;
        var url = Blank(callbackUrl);
        if (app.CallbackUrl == url) return true;
        audit.Add(db, actor, AuditActions.IpLiveAppUpdate, Target(app), $"callback_url: {app.CallbackUrl ?? "none"} -> {url ?? "none"}");
        app.CallbackUrl = url;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes the app and its groups; the monitors stay in the dashboard (tagged with their origin) until an operator removes them.</summary>
    /// <returns>False when no app has this id.</returns>
    public async Task<bool> DeleteAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var app = await db.IpLiveApps.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (app is null) return false;
        db.IpLiveApps.Remove(app);
        audit.Add(db, actor, AuditActions.IpLiveAppDelete, Target(app), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Checks app_name and token as operate/update/stop_monitor do: unknown app 1005, wrong token 1004.</summary>
    public async Task<(IpLiveApp? App, IpLiveOutcome? Refusal)> AuthorizeAsync(string appName, string? token, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var app = await db.IpLiveApps.AsNoTracking().SingleOrDefaultAsync(a => a.AppName == appName, cancellationToken);
        if (app is null) return (null, IpLiveOutcome.UnknownApp(appName));
        return Matches(app, token) ? (app, null) : (null, IpLiveOutcome.BadToken);
    }

    /// <summary>True when <paramref name="token"/> belongs to any app (add_node names no app).</summary>
    public async Task<bool> IsAnyAppTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token)) return false;
        var hash = IpLiveApp.Hash(token.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IpLiveApps.AnyAsync(a => a.TokenHash == hash, cancellationToken);
    }

    private static bool Matches(IpLiveApp app, string? token) =>
        !string.IsNullOrWhiteSpace(token)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(IpLiveApp.Hash(token.Trim())), System.Text.Encoding.ASCII.GetBytes(app.TokenHash));

    private static string Target(IpLiveApp app) => $"iplive app #{app.Id} {app.AppName}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
