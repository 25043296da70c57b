using System.Net.Http.Json;
using ProbeDashboard.Tests.Api.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Cluster;

/// <summary>
/// Real server processes of one cluster (a shared PostgreSQL database and redis-server), each with its own data
/// directory (so its own token keys: a test signs in on each node it talks to). Stopped by their own PIDs.
/// </summary>
public sealed class LiveClusterNodes(ClusterDatabase database, RedisServer redis, string dataRoot) : IAsyncDisposable
{
    public const string AdminPassword = "cluster-test-password";
    private readonly List<Node> _nodes = [];

    public sealed record Node(string Name, AppProcess Process, string BaseUrl, HttpClient Api)
    {
        public Uri Socket(string path) => new(new Uri(BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal)), path);

        public string Token => Api.DefaultRequestHeaders.Authorization!.Parameter!;

        public Task<SocketTestClient> ConnectAsync(string path) => SocketTestClient.ConnectAsync(Socket(path), Token);
    }

    /// <summary>Starts a node and signs in as the admin. Start the first node alone: it creates the initial rows.</summary>
    public async Task<Node> StartAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSQL",
            ["Storage__ConnectionString"] = database.ConnectionString,
            ["Cluster__Redis"] = redis.Configuration,
            ["Cluster__FailoverSeconds"] = "5",
            ["Cluster__NodeName"] = name,
            ["Probing__MinIntervalSeconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        var process = AppProcess.Start(["serve", .. AppProcess.AnyLocalPort, "--data-dir", Path.Combine(dataRoot, name),
            $"--Auth:AdminPassword={AdminPassword}"], environment);
        try
        {
            var url = await process.ListeningUrlAsync(TimeSpan.FromSeconds(90));
            var api = new HttpClient { BaseAddress = new Uri(url) };
            using var token = await api.PostAsync("/api/v1/auth/token", ApiJson.Content(new { username = DashboardFactory.AdminUser, password = AdminPassword }));
            var accessToken = (await token.JsonAsync()).GetProperty("data").GetProperty("access_token").GetString();
            api.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
            var node = new Node(name, process, url, api);
            _nodes.Add(node);
            return node;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines of every node's log, for a failing test's output.</summary>
    public string Logs() => string.Join("\n", _nodes.Select(n => $"--- {n.Name}\n{string.Join('\n', n.Process.Output.TakeLast(30))}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Api.Dispose();
            await node.Process.DisposeAsync();
        }
    }
}
