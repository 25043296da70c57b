using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProbeDashboard.Tests.Integration.Agents;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Cli;

/// <summary>
/// <c>backup</c> and <c>restore</c> as an operator runs them: a real server process probing a real target, and the
/// commands as second processes of the same binary on its data directory.
/// </summary>
public class BackupRestoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Backup_while_probes_are_written_holds_the_recent_results_and_ingest_goes_on()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var target = await TargetServer.StartAsync();
        await using var cluster = await AgentCluster.StartAsync(cts.Token);
        var monitorId = await CreateMonitorAsync(cluster, "backed up", target, cts.Token);
        await WaitForResultsAsync(cluster, monitorId, 3, cts.Token);
        using var backupDir = new TempDirectory();
        var file = Path.Combine(backupDir.Path, "probes.db");

        var started = DateTime.UtcNow;
        var (exitCode, output) = await CommandLineTests.RunAsync("backup", file, "--data-dir", cluster.ServerDataDirectory);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Backed up", output);
        var (count, newest) = await ResultsInAsync(file, monitorId);
        Assert.True(count >= 3, $"the backup holds {count} results");
        Assert.True(started - newest < TimeSpan.FromSeconds(10), $"the newest result in the backup is from {newest:O}, the backup started at {started:O}");
        var before = (await ResultsAsync(cluster, monitorId, cts.Token)).Count;
        await WaitForResultsAsync(cluster, monitorId, before + 2, cts.Token);
    }

    [Fact]
    public async Task Restore_is_refused_while_the_server_runs_and_the_database_is_left_alone()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var cluster = await AgentCluster.StartAsync(cts.Token);
        using var backupDir = new TempDirectory();
        var file = Path.Combine(backupDir.Path, "probes.db");
        Assert.Equal(0, (await CommandLineTests.RunAsync("backup", file, "--data-dir", cluster.ServerDataDirectory)).ExitCode);

        var (exitCode, output) = await CommandLineTests.RunAsync("restore", file, "--data-dir", cluster.ServerDataDirectory);

        Assert.Equal(75, exitCode);
        Assert.Contains("server is running", output);
        Assert.Empty(Directory.GetFiles(cluster.ServerDataDirectory, "*.before-restore-*"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await cluster.Admin.GetAsync("api/v1/service-monitors", cts.Token)).StatusCode);
    }

    [Fact]
    public async Task Restore_after_a_crash_brings_back_the_backed_up_configuration_only()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var target = await TargetServer.StartAsync();
        await using var cluster = await AgentCluster.StartAsync(cts.Token);
        await CreateMonitorAsync(cluster, "kept", target, cts.Token);
        using var backupDir = new TempDirectory();
        var file = Path.Combine(backupDir.Path, "probes.db");
        Assert.Equal(0, (await CommandLineTests.RunAsync("backup", file, "--data-dir", cluster.ServerDataDirectory)).ExitCode);
        await CreateMonitorAsync(cluster, "made after the backup", target, cts.Token);
        // SIGKILL leaves the WAL behind: restore must not let it be replayed into the restored file.
        await cluster.Server.KillAsync();

        var (exitCode, output) = await CommandLineTests.RunAsync("restore", file, "--data-dir", cluster.ServerDataDirectory);

        Assert.True(exitCode == 0, output);
        Assert.NotEmpty(Directory.GetFiles(cluster.ServerDataDirectory, "*.before-restore-*"));
        await cluster.StartServerAsync(cts.Token);
        var names = (await cluster.GetAsync("api/v1/service-monitors?page_size=100", cts.Token)).GetProperty("items")
            .EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(["kept"], names);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_not_restored()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "notes.db");
        await File.WriteAllTextAsync(file, "these are not the pages you are looking for");

        var (exitCode, output) = await CommandLineTests.RunAsync("restore", file, "--data-dir", Path.Combine(data.Path, "data"));

        Assert.Equal(1, exitCode);
        Assert.Contains("is not a ProbeDashboard database", output);
        Assert.False(File.Exists(Path.Combine(data.Path, "data", "probedashboard.db")));
    }

    private static async Task<int> CreateMonitorAsync(AgentCluster cluster, string name, TargetServer target, CancellationToken cancellationToken)
    {
        var created = await cluster.SendAsync(HttpMethod.Post, "api/v1/service-monitors", new
        {
            name, type = 1, target = target.Url("/ok").ToString(), duration = 2, timeout = 1, retry = 0,
            execute_on = new { type = "all" },
        }, cancellationToken);
        return created.GetProperty("data").GetProperty("id").GetInt32();
    }

    private static async Task<List<JsonElement>> ResultsAsync(AgentCluster cluster, int monitorId, CancellationToken cancellationToken) =>
        [.. (await cluster.GetAsync($"api/v1/service-monitors/{monitorId}/probe-history?limit=1000", cancellationToken)).EnumerateArray()];

    private static Task WaitForResultsAsync(AgentCluster cluster, int monitorId, int count, CancellationToken cancellationToken) =>
        cluster.EventuallyAsync(async () => (List<JsonElement>?)await ResultsAsync(cluster, monitorId, cancellationToken), r => r!.Count >= count,
            TimeSpan.FromSeconds(40), $"{count} probe results", cancellationToken);

    private static async Task<(long Count, DateTime Newest)> ResultsInAsync(string file, int monitorId)
    {
        await using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT count(*), max(Timestamp) FROM ProbeResults WHERE MonitorId = $id";
        query.Parameters.AddWithValue("$id", monitorId);
        await using var reader = await query.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), DateTime.Parse(reader.GetString(1), null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
    }
}
