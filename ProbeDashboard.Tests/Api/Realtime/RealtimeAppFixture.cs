using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

/// <summary>
/// The real app on Kestrel at 127.0.0.1, shared by the realtime test classes, which run one after another so that
/// subscriber counts seen by one test are its own. Small per-connection queues make a slow client overflow quickly.
/// </summary>
public sealed class RealtimeAppFixture : IAsyncLifetime
{
    public const int QueueCapacity = 64;
    public const string AllowedOrigin = "https://dashboard.example.test";

    private LiveApp? _app;

    public LiveApp App => _app ?? throw new InvalidOperationException("not started");

    public Uri WebSocketBase => new(App.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal));

    public RealtimeStats Stats => App.Services.GetRequiredService<RealtimeStats>();

    public string AdminToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        _app = await LiveApp.StartAsync(new Dictionary<string, string>
        {
            ["Probing:SchedulerEnabled"] = "false",
            ["Realtime:QueueCapacity"] = QueueCapacity.ToString(),
            ["Realtime:AllowedOrigins:0"] = AllowedOrigin,
        }, timeout.Token);
        AdminToken = await RequestTokenAsync(DashboardFactory.AdminUser, LiveApp.AdminPassword);
    }

    public async Task<string> RequestTokenAsync(string userName, string password)
    {
        using var client = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token request failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("access_token").GetString()!;
    }

    /// <summary>A token of a fresh viewer, the least privileged role.</summary>
    public async Task<string> ViewerTokenAsync()
    {
        var name = $"viewer-{Guid.NewGuid():N}";
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = name, Role = UserRole.Viewer, CreatedAt = DateTime.UtcNow },
                DashboardFactory.UserPassword);
            Assert.True(result.Succeeded);
        }
        return await RequestTokenAsync(name, DashboardFactory.UserPassword);
    }

    /// <summary>Publishes results as the writer does after a commit.</summary>
    public void PublishResults(params ProbeResult[] results) =>
        App.Services.GetRequiredService<EventBus>().Publish(new ProbeResultsCommitted(results, []));

    public static ProbeResult Result(int monitorId, int hostId = 1, bool success = true, double latencyMs = 352, int statusCode = 200) => new()
    {
        MonitorId = monitorId,
        HostId = hostId,
        Timestamp = new DateTime(2025, 10, 7, 10, 5, 0, DateTimeKind.Utc),
        Success = success,
        LatencyMs = latencyMs,
        StatusCode = statusCode,
    };

    /// <summary>Waits until every stream's subscriber count is back to zero (disconnects are noticed asynchronously).</summary>
    public async Task AssertNoSubscribersLeftAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Stats.Snapshot().Any(s => s.Subscribers != 0))
        {
            if (timeout.IsCancellationRequested)
                Assert.Fail("subscribers left: " + string.Join(", ", Stats.Snapshot().Select(s => $"{s.Stream}={s.Subscribers}")));
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RealtimeCollection : ICollectionFixture<RealtimeAppFixture>
{
    public const string Name = "Realtime app";
}
