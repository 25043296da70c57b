using System.Diagnostics;
using System.Text.Json.Nodes;
using ProbeDashboard.Tests.Api.Operations;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Cli;

/// <summary><c>export &gt; file</c> and <c>import file</c> as an operator runs them, on real data directories.</summary>
public class ConfigCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Export_to_a_yaml_file_then_import_into_an_empty_data_directory_gives_the_same_configuration()
    {
        using var source = new DashboardFactory();
        await ConfigSeed.StoreAsync(source);
        using var target = new TempDirectory();
        var file = Path.Combine(target.Path, "config.yaml");

        var (exportCode, yaml, _) = await RunAsync("export", "--format", "yaml", "--include-secrets", "--data-dir", source.DataDirectory);
        Assert.Equal(0, exportCode);
        await File.WriteAllTextAsync(file, yaml);
        var targetData = Path.Combine(target.Path, "data");

        var (importCode, report, errors) = await RunAsync("import", file, "--data-dir", targetData);
        Assert.True(importCode == 0, report + errors);
        Assert.Contains("monitors: 2 created, 0 updated, 0 unchanged", report);

        var (againCode, again, _) = await RunAsync("import", file, "--data-dir", targetData);
        Assert.Equal(0, againCode);
        Assert.Contains("monitors: 0 created, 0 updated, 2 unchanged", again);

        var (_, fromSource, _) = await RunAsync("export", "--data-dir", source.DataDirectory);
        var (_, fromTarget, _) = await RunAsync("export", "--data-dir", targetData);
        Assert.True(JsonNode.DeepEquals(Comparable(fromSource), Comparable(fromTarget)), fromSource + "\n---\n" + fromTarget);
    }

    [Fact]
    public async Task Importing_a_broken_file_exits_65_names_the_problem_and_changes_nothing()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "broken.json");
        await File.WriteAllTextAsync(file, """
            {"format": "probedashboard-config", "version": 1,
             "host_groups": [{"name": "fine"}],
             "monitors": [{"name": "x", "type": "tcp", "target": "no-port", "duration": 30}]}
            """);
        var dataDir = Path.Combine(data.Path, "data");

        var (code, output, errors) = await RunAsync("import", file, "--data-dir", dataDir);

        Assert.Equal(65, code);
        Assert.Contains("monitors[x].target", errors);
        Assert.Contains("refused: nothing was changed", output);
        var (_, exported, _) = await RunAsync("export", "--data-dir", dataDir);
        Assert.Empty(JsonNode.Parse(exported)!["host_groups"]!.AsArray());
    }

    private static JsonNode Comparable(string exported)
    {
        var document = JsonNode.Parse(exported)!.AsObject();
        document.Remove("exported_at");
        return document;
    }

    /// <summary>Runs the binary with standard output and standard error kept apart, as a shell redirect would.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(AppProcess.BinaryPath())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        EfWarningRecorder.AssertNoneIn((await stdout + "\n" + await stderr).Split('\n'));
        return (process.ExitCode, await stdout, await stderr);
    }
}
