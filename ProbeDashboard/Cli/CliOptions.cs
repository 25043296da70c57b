using System.CommandLine;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Cli;

/// <summary>Options several commands share, and how they become the host's configuration keys.</summary>
public static class CliOptions
{
    public static Option<string> DataDirectory() => new("--data-dir")
    {
        Description = "Directory of the database, keys and lock file [env: Storage__DataDirectory] (default: ./data)",
        HelpName = "DIR",
    };

    public static IEnumerable<string> DataDirectoryArgs(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } dir ? [$"--{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}={dir}"] : [];

    /// <summary>
    /// Storage settings for a standalone command (no host): appsettings.json in the working directory, then
    /// environment variables, then <c>--data-dir</c>, the same precedence the server uses.
    /// </summary>
    public static StorageOptions Storage(ParseResult parse, Option<string> dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. DataDirectoryArgs(parse, dataDirectory)])
            .Build();
        var storage = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(storage);
        return storage;
    }

    /// <summary>EX_CONFIG from sysexits.h: the command does not apply to the configured storage.</summary>
    public const int ExitNotForThisStorage = 78;

    /// <summary>
    /// The SQLite file commands (backup, restore) have no PostgreSQL counterpart of ours: PostgreSQL's own tools do
    /// it better, and pretending would hand an operator a file that restores nothing.
    /// </summary>
    /// <returns>False, after saying what to use instead, when the storage is not a SQLite file.</returns>
    public static bool RequireSqliteFile(StorageOptions storage, string command)
    {
        if (storage.Provider == StorageProvider.Sqlite) return true;
        Console.Error.WriteLine($"'{command}' copies the SQLite file; this server stores into PostgreSQL (Storage:Provider). " +
                                "Use PostgreSQL's pg_dump and pg_restore (or your database's backups) instead.");
        return false;
    }
}
