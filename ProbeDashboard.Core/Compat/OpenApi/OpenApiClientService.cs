using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>A client as request authentication needs it: who it is and its plain api_key.</summary>
public sealed record OpenApiCaller(int ClientId, string ApiId, string Name, bool IsPartner, int TaskLimit, string ApiKey);

/// <summary>A client with how many tasks it has.</summary>
public sealed record OpenApiClientView(OpenApiClient Client, int Tasks);

/// <summary>
/// Open-API clients (seed 004): administrators create (key shown once), list, revoke and import them
/// (<c>OpenApiClientService.Import.cs</c>); each change demands admin and commits its audit entry with it. Request
/// authentication looks clients up with <see cref="FindActiveAsync"/>, which takes no actor: it is what makes one.
/// </summary>
public sealed partial class OpenApiClientService(IDbContextFactory<ProbeDbContext> dbFactory, SecretProtector secrets, TimeProvider time, IAuditLog audit)
{
    public const int MaxTaskLimit = 100_000;

    public static bool IsValid(string? name, int taskLimit) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= OpenApiClient.MaxNameLength && taskLimit is >= 0 and <= MaxTaskLimit;

    /// <summary>By id.</summary>
    public async Task<IReadOnlyList<OpenApiClientView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OpenApiClients.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new OpenApiClientView(c, db.OpenApiTasks.Count(t => t.ClientId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <returns>The stored client and its plain api_key, which is never shown again; null when the input is invalid.</returns>
    public async Task<(OpenApiClient Client, string ApiKey)?> CreateAsync(Actor actor, string? name, bool isPartner, int taskLimit, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        if (!IsValid(name, taskLimit)) return null;
        var apiKey = OpenApiClient.NewApiKey();
        var client = new OpenApiClient
        {
            ApiId = OpenApiClient.NewApiId(),
            Name = name!.Trim(),
            IsPartner = isPartner,
            TaskLimit = taskLimit,
            ProtectedKey = secrets.Protect(apiKey),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OpenApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, AuditActions.ApiKeyCreate, Target(client), $"api_id {client.ApiId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (client, apiKey);
    }

    /// <summary>Revoked clients are refused from the next request on; their tasks keep running in the dashboard.</summary>
    /// <returns>False when no active client has this id.</returns>
    public async Task<bool> RevokeAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.OpenApiClients.SingleOrDefaultAsync(c => c.Id == id && c.RevokedAt == null, cancellationToken);
        if (client is null) return false;
        client.RevokedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(db, actor, AuditActions.ApiKeyRevoke, Target(client), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <returns>The active client with this api_id, or null.</returns>
    public async Task<OpenApiCaller?> FindActiveAsync(string apiId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.OpenApiClients.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ApiId == apiId && c.RevokedAt == null, cancellationToken);
        return client is null ? null
            : new OpenApiCaller(client.Id, client.ApiId, client.Name, client.IsPartner, client.TaskLimit, secrets.Unprotect(client.ProtectedKey));
    }

    private static string Target(OpenApiClient client) => $"open-API client #{client.Id} {client.Name}";
}
