using System.Diagnostics;
using Npgsql;

namespace ProbeDashboard.TestEngines;

/// <summary>
/// A throwaway PostgreSQL server: Debian's postgresql as the repository's scripts/start-postgres.sh starts it (a fresh
/// cluster in a temp directory, on a free 127.0.0.1 port), stopped by scripts/stop-postgres.sh. test.sh starts its
/// own the same way; the tests that need one in any pass and the bench's PostgreSQL runs start it through here.
/// </summary>
public sealed class PostgresEngine : IAsyncDisposable
{
    private PostgresEngine(string server, string directory) => (Server, Directory) = (server, directory);

    /// <summary>An Npgsql connection string to the server's <c>postgres</c> database, as the superuser.</summary>
    public string Server { get; }

    /// <summary>The server's temp directory (data, log, socket), removed when it stops.</summary>
    public string Directory { get; }

    public static async Task<PostgresEngine> StartAsync()
    {
        var lines = (await RunScriptAsync("start-postgres.sh")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string Value(string name) => lines.Single(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..].Trim('\'');
        return new PostgresEngine(Value("PROBEDASHBOARD_TEST_POSTGRES"), Value("PG_TEST_DIR"));
    }

    /// <summary>A new, empty database on <paramref name="server"/> (a random name unless given); its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server, string? name = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public Task<string> CreateDatabaseAsync(string? name = null) => CreateDatabaseAsync(Server, name);

    public async ValueTask DisposeAsync() => await RunScriptAsync("stop-postgres.sh", Directory);

    private static async Task<string> RunScriptAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "scripts", script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} failed: {await errors}");
        return await output;
    }

    /// <summary>The checkout this was built in: the first parent of the binary that holds scripts/start-postgres.sh.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "start-postgres.sh"))) return dir.FullName;
        throw new InvalidOperationException("scripts/start-postgres.sh not found above the binary: run it from its build output in the repository");
    }
}
