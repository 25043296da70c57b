using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ProbeDashboard.Bench.Cluster;

/// <summary>
/// A throwaway PostgreSQL for one run, started and stopped by the repository's scripts/start-postgres.sh and
/// stop-postgres.sh (the same scripts test.sh and the cluster tests' ThrowawayPostgres use); one fresh database on it.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _directory;

    private BenchPostgres(string directory, string connectionString) => (_directory, ConnectionString) = (directory, connectionString);

    /// <summary>An Npgsql connection string to the run's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        var lines = (await RunScriptAsync("start-postgres.sh")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string Value(string name) => lines.Single(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..].Trim('\'');
        var server = Value("PROBEDASHBOARD_TEST_POSTGRES");
        var postgres = new BenchPostgres(Value("PG_TEST_DIR"), new NpgsqlConnectionStringBuilder(server) { Database = "bench", MaxPoolSize = 50 }.ConnectionString);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE bench", connection);
        await create.ExecuteNonQueryAsync();
        return postgres;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunScriptAsync("stop-postgres.sh", _directory);
    }

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

    /// <summary>The checkout the bench was built in: the first parent of the binary that holds scripts/start-postgres.sh.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "start-postgres.sh"))) return dir.FullName;
        throw new InvalidOperationException("scripts/start-postgres.sh not found above the bench binary: run the bench from its build output in the repository");
    }
}

/// <summary>A throwaway redis-server on a free 127.0.0.1 port, nothing saved (as the cluster tests' RedisServer starts it).</summary>
public sealed class BenchRedis : IAsyncDisposable
{
    private readonly Process _process;

    private BenchRedis(Process process, int port) => (_process, Configuration) = (process, $"127.0.0.1:{port}");

    public string Configuration { get; }

    public static async Task<BenchRedis> StartAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no" }) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Answers(port))
        {
            if (DateTime.UtcNow > deadline || process.HasExited) throw new InvalidOperationException("redis-server did not start listening");
            await Task.Delay(100);
        }
        return new BenchRedis(process, port);
    }

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
