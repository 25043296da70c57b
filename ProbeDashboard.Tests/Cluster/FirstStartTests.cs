using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Two real server processes started at the same moment on a new, empty PostgreSQL database: they take turns at
/// migrating and creating the first rows (an advisory lock), so both come up and there is one set of initial rows.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class FirstStartTests(ITestOutputHelper output, ThrowawayPostgres postgres) : ClusterProcessTest(output, postgres)
{
    /// <summary>The database stays empty until the nodes start.</summary>
    protected override bool MigrateFirst => false;

    /// <summary>No admin password given: the node that creates the admin generates one and prints it.</summary>
    protected override string? NodeAdminPassword => null;

    [Fact]
    public async Task Two_nodes_started_at_once_on_an_empty_database_both_come_up_with_one_set_of_initial_rows()
    {
        foreach (var name in new[] { "first-a", "first-b" }) StartNode(name);

        foreach (var node in Nodes)
        {
            await node.ListeningUrlAsync(TimeSpan.FromSeconds(120));
            Assert.False(node.HasExited, node.OutputText);
        }

        await using var db = Db.Open();
        Assert.Equal(1, await db.Hosts.CountAsync(h => h.IsServer));
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Exactly one node made the admin (and printed its generated password).
        Assert.Single(Nodes, n => n.Output.Any(l => l.Contains("Created admin user", StringComparison.Ordinal)));
    }
}
