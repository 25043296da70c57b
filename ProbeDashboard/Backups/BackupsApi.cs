using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Backups;

namespace ProbeDashboard.Backups;

/// <summary>A backup file: its name (the download's path segment), size, and when it was made (UTC).</summary>
public sealed record BackupResponse(string Name, long Bytes, DateTime CreatedAt)
{
    public static BackupResponse Of(BackupFile file) => new(file.Name, file.Bytes, file.CreatedAt);
}

/// <summary>
/// <c>/api/v1/backups</c> (administrators): list, make and download backups of the SQLite database, through
/// <see cref="BackupService"/>. The dashboard's download link is <c>/backups/{name}</c>, the same answer under the
/// sign-in cookie (the API takes bearer tokens and API keys only).
/// </summary>
public static class BackupsApi
{
    public static void MapBackupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/backups").RequireAuthorization(Permissions.Admin).WithTags("Backups");
        api.MapGet("", List).WithSummary("Backups in the data directory, newest first");
        api.MapPost("", Create).WithSummary("Back up the database now (SQLite; safe while probes are written); the oldest beyond Backups:Kept are deleted");
        api.MapGet("/{name}", Download).WithSummary("Download a backup (a SQLite database file)");
        app.MapGet("/backups/{name}", Download).RequireAuthorization(Permissions.Admin).ExcludeFromDescription();
    }

    private static Ok<ApiEnvelope<IReadOnlyList<BackupResponse>>> List(ClaimsPrincipal user, BackupService backups) =>
        TypedResults.Ok(ApiEnvelope.Ok<IReadOnlyList<BackupResponse>>([.. backups.List(user.ToActor()).Select(BackupResponse.Of)]));

    /// <summary>409 when a backup is already running, or when the database is on PostgreSQL (use pg_dump there).</summary>
    private static async Task<Results<Created<ApiEnvelope<BackupResponse>>, Conflict<ApiEnvelope>>> Create(
        ClaimsPrincipal user, BackupService backups, CancellationToken cancellationToken)
    {
        try
        {
            var file = await backups.CreateAsync(user.ToActor(), cancellationToken);
            return TypedResults.Created($"/api/v1/backups/{file.Name}", ApiEnvelope.Ok(BackupResponse.Of(file)));
        }
        catch (BackupRefusedException e)
        {
            return TypedResults.Conflict(ApiEnvelope.Error(409, e.Message));
        }
    }

    private static Results<FileStreamHttpResult, NotFound<ApiEnvelope>> Download(string name, ClaimsPrincipal user, BackupService backups) =>
        backups.Open(user.ToActor(), name) is { } stream
            ? TypedResults.File(stream, "application/vnd.sqlite3", name)
            : TypedResults.NotFound(ApiEnvelope.Error(404, $"backup {name} not found"));
}
