using Npgsql;
using ProbeDashboard.TestEngines;

namespace ProbeDashboard.Bench.Cluster;

/// <summary>
/// A throwaway PostgreSQL for one run (<see cref="PostgresEngine"/>, as the tests start it) with the run's one
/// database, <c>bench</c>, whose pool is large enough for the writer and the nodes' readers.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly PostgresEngine _engine;

    private BenchPostgres(PostgresEngine engine, string connectionString) => (_engine, ConnectionString) = (engine, connectionString);

    /// <summary>An Npgsql connection string to the run's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        var engine = await PostgresEngine.StartAsync();
        try
        {
            var database = await engine.CreateDatabaseAsync("bench");
            return new BenchPostgres(engine, new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 50 }.ConnectionString);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The run's pooled connections go first, or the server's stop waits for them.
        NpgsqlConnection.ClearAllPools();
        await _engine.DisposeAsync();
    }
}
