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
        foreach (var command in new[] { "serve", "agent", "backup <file>", "restore <file>", "user", "protect-secret" })
            Assert.Contains($"  {command} ", output);
        Assert.Contains("--urls <URLS>", output);
        Assert.Contains("[env: ASPNETCORE_URLS]", output);
        Assert.Contains("--data-dir <DIR>", output);
        Assert.Contains("[env: Storage__DataDirectory]", output);
        Assert.Contains("[env: Logging__Console__FormatterName]", output);
        Assert.Contains("--log-file <PATH>", output);
        Assert.Contains("[env: Logging__File__Path]", output);
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

    [Fact]
    public async Task Log_format_json_writes_one_json_object_per_console_line()
    {
        using var data = new TempDirectory();
        await using var server = AppProcess.Start(["serve", .. AppProcess.AnyLocalPort, "--data-dir", data.Path,
            "--log-format", "json", "--Auth:AdminPassword=json-log-admin-password"]);

        await Eventually.TrueAsync(() => server.HasExited || server.Output.Any(l => l.Contains("Now listening on")), "the server to listen", 60_000);

        var line = Assert.Single(server.Output, l => l.Contains("Now listening on"));
        var entry = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal("Microsoft.Hosting.Lifetime", entry.GetProperty("Category").GetString());
        Assert.StartsWith("http://127.0.0.1:", entry.GetProperty("State").GetProperty("address").GetString());
    }

    /// <summary>Runs the real binary to completion and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await using var app = AppProcess.Start(args);
        var exitCode = await app.WaitForExitAsync(Timeout);
        return (exitCode, app.OutputText);
    }
}
