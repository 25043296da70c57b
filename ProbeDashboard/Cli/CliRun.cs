using System.CommandLine;

namespace ProbeDashboard.Cli;

/// <summary>What Program does after the command line is parsed: exit, serve, or run a <see cref="HostCommand"/>.</summary>
public sealed class CliRun
{
    private CliRun(int? exitCode, string[] hostArgs, HostCommand? command, ParseResult? parse)
    {
        ExitCode = exitCode;
        HostArgs = hostArgs;
        _command = command;
        _parse = parse;
    }

    private readonly HostCommand? _command;
    private readonly ParseResult? _parse;

    /// <summary>Set when the command already ran (or the command line was refused): the process exits with it.</summary>
    public int? ExitCode { get; }

    /// <summary>Arguments for <c>WebApplication.CreateBuilder</c>: our options translated into configuration keys.</summary>
    public string[] HostArgs { get; }

    public static CliRun Exit(int exitCode) => new(exitCode, [], null, null);

    public static CliRun Serve(string[] hostArgs) => new(null, hostArgs, null, null);

    public static CliRun Host(string[] hostArgs, HostCommand command, ParseResult parse) => new(null, hostArgs, command, parse);

    /// <summary>Runs the host command, if this is one, on the built (not started) app.</summary>
    /// <returns>True when a command ran and the process should exit instead of serving.</returns>
    public async Task<bool> TryRunHostCommandAsync(WebApplication app)
    {
        if (_command is null) return false;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Environment.ExitCode = await _command.RunAsync(app, _parse!, stop.Token);
        return true;
    }
}
