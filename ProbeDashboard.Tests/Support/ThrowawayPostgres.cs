namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A real PostgreSQL server for a test that needs one in any pass: test.sh's (PROBEDASHBOARD_TEST_POSTGRES) when it
/// runs, else one of its own (<see cref="PostgresEngine"/>: Debian's postgresql, on a free 127.0.0.1 port), stopped
/// when the test class is done. Hands out new empty databases.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime
{
    private PostgresEngine? _own;

    public string Server { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgresServer is { } shared)
        {
            Server = shared;
            return;
        }
        _own = await PostgresEngine.StartAsync();
        Server = _own.Server;
    }

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => PostgresEngine.CreateDatabaseAsync(Server);

    public async Task DisposeAsync()
    {
        if (_own is not null) await _own.DisposeAsync();
    }
}
