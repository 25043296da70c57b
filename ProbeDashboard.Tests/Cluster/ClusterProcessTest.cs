using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// What every test of real server processes in a cluster sets up and tears down: a real redis-server, a new database
/// on the class's PostgreSQL, a temp data root, and the nodes the test starts (raw processes through
/// <see cref="StartNode"/>, signed-in ones through <see cref="Live"/>). At the end every node is killed by its PID and
/// the tail of its log goes to the test output, then the helpers, Redis and the data root go. Each test keeps its own
/// timing constants and passes them in the node settings.
/// </summary>
public abstract class ClusterProcessTest(ITestOutputHelper output, ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IAsyncLifetime
{
    public const string AdminPassword = LiveClusterNodes.AdminPassword;
    private readonly List<AppProcess> _nodes = [];
    private RedisServer? _redis;
    private int _redisPort;

    protected ITestOutputHelper Output => output;

    protected TempDirectory Temp { get; } = new();

    protected ClusterDatabase Db { get; private set; } = null!;

    /// <summary>Signed-in nodes (each with an API client as the admin), for tests that talk to the nodes' APIs.</summary>
    protected LiveClusterNodes Live { get; private set; } = null!;

    protected IReadOnlyList<AppProcess> Nodes => _nodes;

    /// <summary>The configuration string of this class's redis-server (the same port after <see cref="RestartRedisAsync"/>).</summary>
    protected string RedisConfiguration => $"127.0.0.1:{_redisPort}";

    /// <summary>Lines of each raw node's log written to the test output at the end.</summary>
    protected virtual int LogLines => 30;

    /// <summary>Whether the test migrates the database before any node starts (false: the nodes do it, as on a first start).</summary>
    protected virtual bool MigrateFirst => true;

    /// <summary>The admin password every raw node is started with; null lets the first node generate one.</summary>
    protected virtual string? NodeAdminPassword => AdminPassword;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _redisPort = _redis.Port;
        await StartHelpersAsync();
        Db = new ClusterDatabase(await postgres.CreateDatabaseAsync());
        if (MigrateFirst)
        {
            await using var db = Db.Open();
            await db.Database.MigrateAsync();
        }
        Live = new LiveClusterNodes(Db, _redis, Temp.Path);
        await SeedAsync();
    }

    /// <summary>Starts the test's own targets and receivers (before the database is made).</summary>
    protected virtual Task StartHelpersAsync() => Task.CompletedTask;

    /// <summary>Seeds the migrated database before any node starts.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    protected virtual ValueTask DisposeHelpersAsync() => ValueTask.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.KillAsync();   // SIGKILL of the PID this test started
            output.WriteLine(string.Join('\n', node.Output.TakeLast(LogLines)));
        }
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Live is not null)
        {
            if (Live.Logs() is { Length: > 0 } logs) output.WriteLine(logs);
            await Live.DisposeAsync();
        }
        await DisposeHelpersAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        Temp.Dispose();
    }

    /// <summary>
    /// Starts a server node of this cluster in a data directory of its own (<paramref name="dataDirectory"/>, by
    /// default its name) with the test's <paramref name="settings"/> (environment form, e.g. <c>Cluster__FailoverSeconds</c>).
    /// </summary>
    protected AppProcess StartNode(string name, IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["Storage__ConnectionString"] = Db.ConnectionString,
            ["Cluster__Redis"] = RedisConfiguration,
            ["Cluster__NodeName"] = name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        string[] password = NodeAdminPassword is { } p ? [$"--Auth:AdminPassword={p}"] : [];
        var node = AppProcess.Start(["serve", .. AppProcess.AnyLocalPort, "--data-dir", Path.Combine(Temp.Path, dataDirectory ?? name), .. password],
            environment);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Stops this class's redis-server (by its PID), as an outage.</summary>
    protected async Task StopRedisAsync()
    {
        await _redis!.DisposeAsync();
        _redis = null;
    }

    /// <summary>Starts Redis again on the port it had, as when it comes back.</summary>
    protected async Task RestartRedisAsync() => _redis = await RedisServer.StartAsync(_redisPort);

    /// <summary>Adds <paramref name="count"/> HTTP monitors probing <paramref name="targetOf"/>(their id); their ids in order.</summary>
    protected async Task<List<int>> AddHttpMonitorsAsync(int count, string namePrefix, int intervalSeconds, int timeoutSeconds,
        Func<int, string> targetOf, Action<MonitorDefinition>? configure = null)
    {
        await using var db = Db.Open();
        var now = DateTime.UtcNow;
        var added = new List<MonitorDefinition>();
        for (var i = 1; i <= count; i++)
        {
            var monitor = new MonitorDefinition
            {
                Name = $"{namePrefix} {i}", Kind = MonitorKind.Http, IntervalSeconds = intervalSeconds, TimeoutSeconds = timeoutSeconds,
                CreatedAt = now, UpdatedAt = now,
            };
            configure?.Invoke(monitor);
            added.Add(monitor);
        }
        db.Monitors.AddRange(added);
        await db.SaveChangesAsync();
        foreach (var monitor in added) monitor.Target = targetOf(monitor.Id);
        await db.SaveChangesAsync();
        return [.. added.Select(m => m.Id).Order()];
    }

    /// <summary>Waits until the nodes live now (their leases by <paramref name="failoverSeconds"/>) meet the test's <paramref name="condition"/>.</summary>
    protected Task WaitForLiveNodesAsync(int failoverSeconds, Func<IReadOnlyList<ClusterNode>, bool> condition, string what, TimeSpan patience) =>
        Eventually.TrueAsync(async () =>
        {
            await using var db = Db.Open();
            var now = DateTime.UtcNow;
            var live = (await db.Set<ClusterNode>().AsNoTracking().ToListAsync())
                .Where(n => ClusterNodeTable.Lease(n, TimeSpan.FromSeconds(failoverSeconds)).IsLiveAt(now)).ToList();
            return condition(live);
        }, what, (int)patience.TotalMilliseconds);
}
