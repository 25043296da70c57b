using System.CommandLine;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Operations;

namespace ProbeDashboard.Cli;

/// <summary>
/// A command that needs the server's configured services (database, Identity, data protection). Program builds
/// the host exactly as for serving, then calls <see cref="RunAsync"/> instead of starting it: no scheduler, no
/// listener. To add one: derive from this class in one file, register it with one line in
/// <see cref="ProbeCommandLine.Create"/>.
/// </summary>
public abstract class HostCommand : Command
{
    protected HostCommand(string name, string description) : base(name, description)
    {
        Options.Add(DataDirectory);
        Action = new HostAction();
    }

    public Option<string> DataDirectory { get; } = CliOptions.DataDirectory();

    /// <returns>The process exit code.</returns>
    public abstract Task<int> RunAsync(WebApplication app, ParseResult parse, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the database to this build's schema (a running server may share it: SQLite's WAL allows that).
    /// Refuses, with the message on stderr, a database from a newer version.
    /// </summary>
    /// <returns>False when the command must stop; the exit code is then <see cref="DataDirectoryStartup.NewerDatabaseExitCode"/>.</returns>
    protected static async Task<bool> OpenDatabaseAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            return true;
        }
        catch (NewerDatabaseException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }

    /// <summary>
    /// The host's configuration for this command: its data directory, and quiet logs on stderr, so standard output
    /// is the command's alone (<c>export &gt; file</c>).
    /// </summary>
    public virtual string[] HostArgs(ParseResult parse) =>
    [
        .. CliOptions.DataDirectoryArgs(parse, DataDirectory),
        "--Logging:LogLevel:Default=Warning",
        "--Logging:Console:LogToStandardErrorThreshold=Trace",
    ];
}
