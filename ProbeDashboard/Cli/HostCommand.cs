using System.CommandLine;

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

    /// <summary>The host's configuration for this command: its data directory, and quiet logs (output is the command's).</summary>
    public virtual string[] HostArgs(ParseResult parse) =>
        [.. CliOptions.DataDirectoryArgs(parse, DataDirectory), "--Logging:LogLevel:Default=Warning"];
}
