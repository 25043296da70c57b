using System.CommandLine;
using ProbeDashboard.Agents;
using ProbeDashboard.Notifications;
using ProbeDashboard.Operations;
using ProbeDashboard.Users;

namespace ProbeDashboard.Cli;

/// <summary>
/// The binary's command line. <c>ProbeDashboard [serve]</c> runs the server; every other command is registered
/// below, one line each. A command is either standalone (a <see cref="Command"/> with its own action: it runs here
/// and the process exits) or a <see cref="HostCommand"/>, which Program runs once the server's services are built.
/// </summary>
public static class ProbeCommandLine
{
    /// <summary>Exit code for a command line that does not parse (BSD sysexits EX_USAGE, as the agent uses).</summary>
    public const int UsageExitCode = 64;

    public static RootCommand Create()
    {
        var root = new RootCommand("ProbeDashboard: service probes, alerting and a live dashboard in one binary. "
            + "Without a command it serves. Every setting of appsettings.sample.json can also be given as "
            + "--Section:Key=value or as the environment variable Section__Key.");
        ServeCommand.Configure(root);
        root.Subcommands.Add(new ServeCommand());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(MoveToPostgresCommand.Create());
        root.Subcommands.Add(ResetPasswordCommand.Group());
        root.Subcommands.Add(new ProtectSecretCommand());
        root.Subcommands.Add(new ConfigTransfer.ExportCommand());
        root.Subcommands.Add(new ConfigTransfer.ImportCommand());
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/>; runs help, version, parse errors and standalone commands to completion.
    /// Otherwise says how to build the host: for serving, or for a <see cref="HostCommand"/>.
    /// </summary>
    public static async Task<CliRun> RunAsync(string[] args)
    {
        var root = Create();
        var parse = root.Parse(args);
        if (args.Length > 0 && !args[0].StartsWith('-') && parse.CommandResult.Command is RootCommand)
        {
            await Console.Error.WriteLineAsync($"unknown command '{args[0]}'; see ProbeDashboard --help");
            return CliRun.Exit(UsageExitCode);
        }
        if (parse.Action is HostAction)
        {
            var command = parse.CommandResult.Command;
            return command is HostCommand hostCommand
                ? CliRun.Host(hostCommand.HostArgs(parse), hostCommand, parse)
                : CliRun.Serve(ServeCommand.HostArgs(parse));
        }
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = true });
        return CliRun.Exit(exitCode == 1 && parse.Errors.Count > 0 ? UsageExitCode : exitCode);
    }
}
