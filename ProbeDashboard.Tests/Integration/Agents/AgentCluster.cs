using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Agents;

/// <summary>
/// A real server process (Kestrel on 127.0.0.1, a temp data directory) and real agent processes of the same binary.
/// The first start binds port 0, so the system picks a free port as it binds; the server can then be killed and
/// started again on that same port (the agents know it) and data.
/// </summary>
public sealed class AgentCluster : IAsyncDisposable
{
    private const string AdminPassword = "cluster-admin-password";
    private readonly TempDirectory _data = new();
    private readonly List<AppProcess> _agents = [];
    private int? _port;

    public AppProcess Server { get; private set; } = null!;
    /// <summary>The server's data directory (database, keys, server.lock).</summary>
    public string ServerDataDirectory => Path.Combine(_data.Path, "server");
    public Uri BaseUri => new($"http://127.0.0.1:{_port}/");
    public HttpClient Admin { get; private set; } = null!;
    public string AgentToken { get; private set; } = "";

    public static async Task<AgentCluster> StartAsync(CancellationToken cancellationToken)
    {
        var cluster = new AgentCluster();
        try
        {
            await cluster.StartServerAsync(cancellationToken);
            cluster.Admin = await cluster.AdminClientAsync(cancellationToken);
            cluster.AgentToken = (await AgentWire.CreateTokenAsync(cluster.Admin, "cluster")).Secret;
            return cluster;
        }
        catch
        {
            // A server that never became healthy would otherwise outlive the test run.
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartServerAsync(CancellationToken cancellationToken)
    {
        Server = AppProcess.Start([
            "--urls", $"http://127.0.0.1:{_port ?? 0}",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            $"--Storage:DataDirectory={ServerDataDirectory}",
            $"--Auth:AdminPassword={AdminPassword}",
            "--Probing:MinIntervalSeconds=1",
            "--Hosts:LivenessCheckSeconds=1",
            "--Hosts:ServerMetricsSeconds=2",
            "--Alerts:TickIntervalMs=500",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:ProbeDashboard=Information",
        ]);
        _port ??= new Uri(await Server.ListeningUrlAsync(TimeSpan.FromSeconds(90))).Port;
        using var http = new HttpClient { BaseAddress = BaseUri };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (Server.HasExited) throw new InvalidOperationException($"The server exited during start-up:\n{Server.OutputText}");
            try
            {
                if ((await http.GetAsync("healthz", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            if (started.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"The server did not become healthy:\n{Server.OutputText}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Kills the server process (SIGKILL) and starts a new one on the same port and database.</summary>
    public async Task RestartServerAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        await Server.KillAsync();
        await Task.Delay(down, cancellationToken);
        await StartServerAsync(cancellationToken);
    }

    /// <param name="settings">Extra environment, e.g. the agent's own configuration (<c>Egress__Probes__Profile</c>).</param>
    public AppProcess StartAgent(string name, string? token = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["PROBEDASHBOARD_AGENT_TOKEN"] = token ?? AgentToken,
        };
        var agent = AppProcess.Start([
            "agent", "--server", BaseUri.ToString(), "--name", name, "--data-dir", Path.Combine(_data.Path, name),
            "--heartbeat", "1", "--tasks-refresh", "1",
        ], environment);
        _agents.Add(agent);
        return agent;
    }

    /// <summary>
    /// Waits until <paramref name="agent"/> has adopted its first task list (it logs every list it adopts). The agent
    /// spreads that first list over the monitors' phases and probes only later additions at once, so a test that needs
    /// a long-interval monitor probed at once creates it after this.
    /// </summary>
    public Task WaitForFirstTaskListAsync(AppProcess agent, CancellationToken cancellationToken) =>
        EventuallyAsync(() => Task.FromResult<string?>(agent.OutputText), text => text!.Contains("(task list version ", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the agent's first task list", cancellationToken);

    private async Task<HttpClient> AdminClientAsync(CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        using var response = await client.PostAsync("api/v1/auth/token", ApiJson.Content(new { username = "admin", password = AdminPassword }), cancellationToken);
        var json = await response.JsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("data").GetProperty("access_token").GetString());
        return client;
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Admin.GetAsync(path, cancellationToken);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {json}");
        return json.GetProperty("data");
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : ApiJson.Content(body) };
        using var response = await Admin.SendAsync(request, cancellationToken);
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {json}");
        return json;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with the processes' output when it never does.</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, Func<T?, bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value)) return value!;
            if (started.Elapsed > timeout)
                Assert.Fail($"Timed out waiting for {what}.\nserver:\n{Server.OutputText}\nagents:\n{string.Join("\n---\n", _agents.Select(a => a.OutputText))}");
            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents) await agent.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
        Admin?.Dispose();
        _data.Dispose();
    }
}
