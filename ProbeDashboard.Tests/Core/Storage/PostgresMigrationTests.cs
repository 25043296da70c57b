using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Core.Storage;

/// <summary>
/// PostgreSQL has its own migration set; a schema change that only got its SQLite migration would fail here, in the
/// first pass, without a PostgreSQL server (comparing the model with the snapshot opens no connection).
/// </summary>
public class PostgresMigrationTests
{
    [Fact]
    public void The_model_has_no_changes_missing_from_the_postgresql_migrations()
    {
        using var db = new PgProbeDb(new DbContextOptionsBuilder<PgProbeDb>().UseNpgsql("Host=127.0.0.1;Port=1;Database=never_opened").Options);

        Assert.False(db.Database.HasPendingModelChanges(),
            "the model changed without a PostgreSQL migration: run dotnet ef migrations add --context PgProbeDb (see the README)");
    }

    [Fact]
    public void Both_providers_have_a_migration_for_every_schema_step_by_name()
    {
        using var sqlite = SqliteProbeDb.Open(new StorageOptions { DataDirectory = Path.GetTempPath(), DatabaseFileName = "never-opened.db" });
        using var postgres = new PgProbeDb(new DbContextOptionsBuilder<PgProbeDb>().UseNpgsql("Host=127.0.0.1;Port=1;Database=never_opened").Options);
        // SQLite's history starts with the hand-written releases folded into its Baseline; PostgreSQL started there.
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite).Except(["MonitorFailQuorumAndDefaultGroups"]), Names(postgres));
    }
}
