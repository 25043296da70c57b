using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>A client as request authentication needs it: who it is and its plain api_key.</summary>
public sealed record OpenApiCaller(int ClientId, string ApiId, string Name, bool IsPartner, int TaskLimit, string ApiKey);

/// <summary>Creates (key shown once), revokes and looks up open-API clients; the admin API and the UI share it.</summary>
public sealed class OpenApiClientService(IDbContextFactory<ProbeDbContext> dbFactory, SecretProtector secrets, TimeProvider time)
{
    public const int MaxTaskLimit = 100_000;

    public static bool IsValid(string? name, int taskLimit) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= OpenApiClient.MaxNameLength && taskLimit is >= 0 and <= MaxTaskLimit;

    /// <returns>The stored client and its plain api_key, which is never shown again.</returns>
    public async Task<(OpenApiClient Client, string ApiKey)> CreateAsync(string name, bool isPartner, int taskLimit, CancellationToken cancellationToken)
    {
        var apiKey = OpenApiClient.NewApiKey();
        var client = new OpenApiClient
        {
            ApiId = OpenApiClient.NewApiId(),
            Name = name.Trim(),
            IsPartner = isPartner,
            TaskLimit = taskLimit,
            ProtectedKey = secrets.Protect(apiKey),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.OpenApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return (client, apiKey);
    }

    /// <summary>Revoked clients are refused from the next request on; their tasks keep running in the dashboard.</summary>
    /// <returns>False when no active client has this id.</returns>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.OpenApiClients.Where(c => c.Id == id && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), cancellationToken) > 0;
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
}
