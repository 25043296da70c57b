using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Backups;

/// <summary>One backup in the data directory's <c>backups</c> folder.</summary>
public sealed record BackupFile(string Name, long Bytes, DateTime CreatedAt);

/// <summary>Why a backup was not made: one is already running, or the database is not a SQLite file.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>
/// "Back up now" for administrators (dashboard and API): a consistent copy of the live SQLite database
/// (<see cref="DatabaseBackup"/>, safe while probes are written) in <c>&lt;data&gt;/backups</c>, named by its UTC time,
/// the newest <see cref="BackupOptions.Kept"/> kept. Listing and downloading go through here too, so only admins
/// see them. A PostgreSQL database is backed up with its own tools (pg_dump), which know its server.
/// </summary>
public sealed partial class BackupService(
    IOptions<StorageOptions> storage,
    IOptions<BackupOptions> options,
    IDbContextFactory<ProbeDbContext> dbFactory,
    IAuditLog audit,
    TimeProvider time)
{
    private const string NameFormat = "yyyyMMdd-HHmmss";
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>False on PostgreSQL, whose backups are made with its own tools.</summary>
    public bool Available => storage.Value.Provider == StorageProvider.Sqlite;

    public string Folder => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "backups");

    public IReadOnlyList<BackupFile> List(Actor actor)
    {
        actor.Demand(Permissions.Admin);
        if (!Directory.Exists(Folder)) return [];
        return [.. Directory.EnumerateFiles(Folder)
            .Select(path => Describe(Path.GetFileName(path)))
            .OfType<BackupFile>()
            .OrderByDescending(b => b.CreatedAt)];
    }

    /// <exception cref="BackupRefusedException">A backup is running, or the database is on PostgreSQL.</exception>
    public async Task<BackupFile> CreateAsync(Actor actor, CancellationToken cancellationToken)
    {
        actor.Demand(Permissions.Admin);
        if (!Available)
            throw new BackupRefusedException("backups of a PostgreSQL database are made with pg_dump");
        if (!await _running.WaitAsync(0, cancellationToken)) throw new BackupRefusedException("a backup is already running");
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var name = $"probedashboard-{now.ToString(NameFormat, CultureInfo.InvariantCulture)}.db";
            var copy = await DatabaseBackup.CreateAsync(storage.Value.DatabasePath, Path.Combine(Folder, name), overwrite: true, cancellationToken);
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                audit.Add(db, actor, AuditActions.DatabaseBackup, name, $"{copy.Bytes} bytes, schema {copy.SchemaVersion}, {copy.Duration.TotalMilliseconds:F0} ms");
                await db.SaveChangesAsync(cancellationToken);
            }
            Prune();
            return new BackupFile(name, copy.Bytes, now);
        }
        catch (BackupException e)
        {
            throw new BackupRefusedException(e.Message);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <returns>The backup's file for reading, or null when there is no backup of that name.</returns>
    public FileStream? Open(Actor actor, string name)
    {
        actor.Demand(Permissions.Admin);
        // Only names this service makes: nothing else in (or outside) the data directory can be read this way.
        if (Describe(name) is null) return null;
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true) : null;
    }

    private void Prune()
    {
        foreach (var old in List(Actor.System).Skip(Math.Max(1, options.Value.Kept)))
            File.Delete(Path.Combine(Folder, old.Name));
    }

    private BackupFile? Describe(string name)
    {
        var match = BackupName().Match(name);
        if (!match.Success) return null;
        var path = Path.Combine(Folder, name);
        var created = DateTime.ParseExact(match.Groups[1].Value, NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return File.Exists(path) ? new BackupFile(name, new FileInfo(path).Length, created) : null;
    }

    [GeneratedRegex(@"^probedashboard-(\d{8}-\d{6})\.db$")]
    private static partial Regex BackupName();
}

/// <summary>Section <c>Backups</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>How many backups "back up now" keeps; older ones are deleted after each new one.</summary>
    public int Kept { get; set; } = 7;
}
