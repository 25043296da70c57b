using System.Reflection;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Cli;

/// <summary>The binary's command line as an operator types it: help, version, refusals.</summary>
public class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Help_lists_every_command_and_each_serve_option_with_its_environment_variable()
    {
        var (exitCode, output) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "serve", "agent", "protect-secret" })
            Assert.Contains($"  {command} ", output);
        Assert.Contains("--urls <URLS>", output);
        Assert.Contains("[env: ASPNETCORE_URLS]", output);
        Assert.Contains("--data-dir <DIR>", output);
        Assert.Contains("[env: Storage__DataDirectory]", output);
        Assert.Contains("[env: Logging__Console__FormatterName]", output);
    }

    [Fact]
    public async Task Agent_help_names_the_token_variable()
    {
        var (exitCode, output) = await RunAsync("agent", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--server <URL>", output);
        Assert.Contains("[env: PROBEDASHBOARD_AGENT_TOKEN", output);
    }

    [Fact]
    public async Task Version_prints_the_build_version()
    {
        var (exitCode, output) = await RunAsync("--version");

        var expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, exitCode);
        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task An_unknown_command_is_refused_without_starting_a_server()
    {
        var (exitCode, output) = await RunAsync("bakup", "x.db");

        Assert.Equal(64, exitCode);
        Assert.Contains("unknown command 'bakup'", output);
    }

    /// <summary>Runs the real binary to completion and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await using var app = AppProcess.Start(args);
        var exitCode = await app.WaitForExitAsync(Timeout);
        return (exitCode, app.OutputText);
    }
}
