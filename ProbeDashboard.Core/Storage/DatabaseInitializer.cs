using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.Storage.LegacyUpgrade;

namespace ProbeDashboard.Core.Storage;

/// <summary>Brings the database to the current schema and makes sure the server's own probe host exists.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<ProbeDbContext> dbFactory,
    IOptions<ProbingOptions> probing,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Set once migrations have been applied; /healthz reports it.</summary>
    public bool IsReady { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // PostgreSQL logs a failed query each time EF reads a history table that is not there yet (three times
        // on a fresh database); creating the empty table first keeps a first start's log clean.
        if (!db.Database.IsSqlite()) await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await RefuseNewerSchemaAsync(db, cancellationToken);
        var legacySteps = await LegacySqliteUpgrade.RunAsync(db, cancellationToken);
        if (legacySteps is not null)
            logger.LogInformation("Adopted a database from before EF migrations into {Migration} after applying {LegacySteps}",
                LegacySqliteUpgrade.BaselineId, legacySteps.Count == 0 ? "nothing" : string.Join(", ", legacySteps));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            logger.LogInformation("Applying {MigrationCount} database migrations", pending.Count);
        await db.Database.MigrateAsync(cancellationToken);

        var serverName = ServerHostName(probing.Value);
        if (!await db.Hosts.AnyAsync(h => h.IsServer, cancellationToken))
        {
            db.Hosts.Add(new ProbeHost
            {
                Name = serverName,
                Hostname = Environment.MachineName,
                IsServer = true,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        IsReady = true;
    }

    /// <summary>
    /// A downgrade would run old code on a schema it does not understand, and this build cannot migrate "down" from a
    /// migration it does not have. So a database with an unknown migration is left untouched. The hand-written
    /// migrations of older releases are known: <see cref="LegacySqliteUpgrade"/> takes those files over.
    /// </summary>
    /// <exception cref="NewerDatabaseException">The database has migrations this build does not know.</exception>
    private static async Task RefuseNewerSchemaAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().Concat(LegacySqliteUpgrade.MigrationIds).ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0) throw new NewerDatabaseException(db.Database.GetDbConnection().DataSource, unknown);
    }

    public static string ServerHostName(ProbingOptions options) =>
        string.IsNullOrWhiteSpace(options.ServerHostName) ? Environment.MachineName : options.ServerHostName;
}
