using System.CommandLine;
using ProbeDashboard.Cli;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Operations;

/// <summary>
/// <c>ProbeDashboard restore FILE</c>: puts a backup in place of the database. Refused while a server holds the
/// data directory's <see cref="ServerLock"/>; the replaced database is kept beside it.
/// </summary>
public static class RestoreCommand
{
    /// <summary>Exit code when a server is running on the data directory (sysexits EX_TEMPFAIL: try again once it is stopped).</summary>
    public const int ServerRunningExitCode = 75;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A backup made by the backup command" };
        var dataDirectory = CliOptions.DataDirectory();
        var command = new Command("restore", "Replace the database with a backup. The server must be stopped; the old database is kept beside it.")
        {
            file, dataDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = CliOptions.Storage(parse, dataDirectory);
            if (!CliOptions.RequireSqliteFile(storage, "restore")) return CliOptions.ExitNotForThisStorage;
            var directory = Path.GetDirectoryName(storage.DatabasePath)!;
            using var serverLock = ServerLock.TryAcquire(directory);
            if (serverLock is null)
            {
                await Console.Error.WriteLineAsync($"A ProbeDashboard server is running on {directory} ({ServerLock.FileName} is held). "
                    + "Stop it first: restore never replaces a database in use.");
                return ServerRunningExitCode;
            }
            try
            {
                var copy = await DatabaseBackup.RestoreAsync(parse.GetValue(file)!, storage.DatabasePath, TimeProvider.System, cancellationToken);
                Console.WriteLine($"Restored {copy.Path} from {parse.GetValue(file)}: {copy.Bytes:N0} bytes, schema {copy.SchemaVersion}. "
                    + "The previous database is kept beside it (*.before-restore-*).");
                return 0;
            }
            catch (BackupException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
