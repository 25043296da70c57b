using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Two real server processes started at the same moment on a new, empty PostgreSQL database: they take turns at
/// migrating and creating the first rows (an advisory lock), so both come up and there is one set of initial rows.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class FirstStartTests(ITestOutputHelper output, ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly List<AppProcess> _nodes = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.KillAsync();
            output.WriteLine(string.Join('\n', node.Output.TakeLast(30)));
        }
        foreach (var node in _nodes) await node.DisposeAsync();
        await _redis.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Two_nodes_started_at_once_on_an_empty_database_both_come_up_with_one_set_of_initial_rows()
    {
        var database = new ClusterDatabase(await postgres.CreateDatabaseAsync());
        foreach (var name in new[] { "first-a", "first-b" })
            _nodes.Add(AppProcess.Start(["serve", .. AppProcess.AnyLocalPort, "--data-dir", Path.Combine(_temp.Path, name)],
                new Dictionary<string, string>
                {
                    ["Storage__Provider"] = "PostgreSQL",
                    ["Storage__ConnectionString"] = database.ConnectionString,
                    ["Cluster__Redis"] = _redis.Configuration,
                    ["Cluster__NodeName"] = name,
                }));

        foreach (var node in _nodes)
        {
            await node.ListeningUrlAsync(TimeSpan.FromSeconds(120));
            Assert.False(node.HasExited, node.OutputText);
        }

        await using var db = database.Open();
        Assert.Equal(1, await db.Hosts.CountAsync(h => h.IsServer));
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Exactly one node made the admin (and printed its generated password).
        Assert.Single(_nodes, n => n.Output.Any(l => l.Contains("Created admin user", StringComparison.Ordinal)));
    }
}
