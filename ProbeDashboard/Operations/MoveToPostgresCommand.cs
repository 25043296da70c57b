using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProbeDashboard.Cli;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Operations;

/// <summary>
/// <c>ProbeDashboard move-to-postgres --to "Host=...;Database=..."</c>: copies the embedded SQLite database, every
/// table with its ids, into a new, empty PostgreSQL database, for a deployment that outgrows one machine. The server
/// must be stopped; the SQLite file is left as it was (it is the way back).
/// </summary>
public static class MoveToPostgresCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to")
        {
            Description = "The PostgreSQL database to fill, in Npgsql form (Host=...;Database=...;Username=...;Password=...); it must be empty",
            Required = true, HelpName = "CONNECTION",
        };
        var dataDirectory = CliOptions.DataDirectory();
        var command = new Command("move-to-postgres", "Copy the SQLite database into an empty PostgreSQL database. The server must be stopped.")
        {
            to, dataDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = CliOptions.Storage(parse, dataDirectory);
            if (storage.Provider != StorageProvider.Sqlite)
            {
                await Console.Error.WriteLineAsync("This server already stores into PostgreSQL (Storage:Provider); there is no SQLite database to move.");
                return CliOptions.ExitNotForThisStorage;
            }
            if (!File.Exists(storage.DatabasePath))
            {
                await Console.Error.WriteLineAsync($"No database at {storage.DatabasePath}: nothing to move (is --data-dir right?).");
                return 1;
            }
            using var serverLock = ServerLock.TryAcquire(Path.GetDirectoryName(storage.DatabasePath)!);
            if (serverLock is null)
            {
                await Console.Error.WriteLineAsync("A ProbeDashboard server is running on this data directory. Stop it first: "
                    + "results written during the copy would be left behind.");
                return RestoreCommand.ServerRunningExitCode;
            }
            var connection = parse.GetValue(to)!;
            try
            {
                await using var source = SqliteProbeDb.Open(storage);
                await using var target = new PgProbeDb(new DbContextOptionsBuilder<PgProbeDb>().UseNpgsql(connection).Options);
                var started = TimeProvider.System.GetTimestamp();
                var tables = await DatabaseMove.CopyAsync(source, target, copy => Console.WriteLine($"  {copy.Table}: {copy.Rows:N0} rows"), cancellationToken);
                Console.WriteLine($"Copied {tables.Sum(t => t.Rows):N0} rows in {tables.Count} tables in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N1} s. "
                    + "Start the server with Storage:Provider=PostgreSQL and Storage:ConnectionString set to this database; "
                    + $"{storage.DatabasePath} is unchanged.");
                return 0;
            }
            catch (Exception e) when (e is DatabaseMoveException or NpgsqlException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"Nothing was moved: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
