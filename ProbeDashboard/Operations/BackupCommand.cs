using System.CommandLine;
using ProbeDashboard.Cli;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Operations;

/// <summary><c>ProbeDashboard backup FILE</c>: a consistent copy of the database, taken while the server runs.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup (a SQLite database file)" };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists" };
        var dataDirectory = CliOptions.DataDirectory();
        var command = new Command("backup", "Copy the database to FILE; safe while the server runs (probes keep being written).")
        {
            file, force, dataDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = CliOptions.Storage(parse, dataDirectory);
            if (!CliOptions.RequireSqliteFile(storage, "backup")) return CliOptions.ExitNotForThisStorage;
            try
            {
                var copy = await DatabaseBackup.CreateAsync(storage.DatabasePath, parse.GetValue(file)!, parse.GetValue(force), cancellationToken);
                Console.WriteLine($"Backed up {storage.DatabasePath} to {copy.Path}: {copy.Bytes:N0} bytes, schema {copy.SchemaVersion}, {copy.Duration.TotalMilliseconds:N0} ms");
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
