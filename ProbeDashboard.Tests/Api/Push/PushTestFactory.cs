using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Push;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Push;

/// <summary>The app with a clock the tests move: deadlines pass without waiting, and the test runs the sweep itself.</summary>
public sealed class PushTestFactory : DashboardFactory
{
    public const string BasePath = "/api/v1/service-monitors";

    public PushTestFactory() => Time = Clock;

    public ManualTimeProvider Clock { get; } = new();

    public Task<int> SweepAsync() => Services.GetRequiredService<PushDeadlineSweeper>().SweepAsync(CancellationToken.None);

    /// <summary>Creates a push monitor through the API; returns its id and ping path.</summary>
    public async Task<(int Id, string PushUrl)> CreatePushMonitorAsync(HttpClient client, object push, string name = "nightly backup",
        bool enableAlert = false, int failThreshold = 1)
    {
        using var response = await client.PostAsync(BasePath, ApiJson.Content(new Dictionary<string, object?>
        {
            ["name"] = name,
            ["type"] = 5,
            ["push"] = push,
            ["enable_alert"] = enableAlert,
            ["fail_threshold"] = failThreshold,
        }));
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        var data = json.GetProperty("data");
        return (data.GetProperty("id").GetInt32(), data.GetProperty("push_url").GetString()!);
    }

    /// <summary>The monitor's stored results, oldest first.</summary>
    public Task<List<ProbeResult>> ResultsAsync(int monitorId) =>
        WithDbAsync(db => db.ProbeResults.AsNoTracking().Where(r => r.MonitorId == monitorId).OrderBy(r => r.Timestamp).ThenBy(r => r.Id).ToListAsync());

    public async Task<JsonElement> DetailAsync(HttpClient client, int id)
    {
        using var response = await client.GetAsync($"{BasePath}/{id}");
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("data");
    }

    public Task<HttpClient> OperatorAsync() => CreateClientAsync(UserRole.Operator);
}
