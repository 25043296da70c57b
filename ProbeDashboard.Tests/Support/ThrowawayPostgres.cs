using System.Diagnostics;
using Npgsql;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A real PostgreSQL server for a test that needs one in any pass: test.sh's (PROBEDASHBOARD_TEST_POSTGRES) when it
/// runs, else one of its own from scripts/start-postgres.sh (Debian's postgresql, on a free 127.0.0.1 port), stopped
/// when the test class is done. Hands out new empty databases.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime
{
    private string? _ownDirectory;

    public string Server { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgresServer is { } shared)
        {
            Server = shared;
            return;
        }
        var lines = (await RunScriptAsync("start-postgres.sh")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string Value(string name) => lines.Single(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..].Trim('\'');
        Server = Value(TestDatabase.ServerVariable);
        _ownDirectory = Value("PG_TEST_DIR");
    }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_ownDirectory is not null) await RunScriptAsync("stop-postgres.sh", _ownDirectory);
    }

    private static async Task<string> RunScriptAsync(string script, params string[] args)
    {
        var root = Path.GetDirectoryName(LiveApp.ProjectDirectory("ProbeDashboard"))!;
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} failed: {await errors}");
        return await output;
    }
}
