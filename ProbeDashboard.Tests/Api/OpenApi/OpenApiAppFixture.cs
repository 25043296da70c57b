using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.OpenApi;

/// <summary>The real app on its own SQLite file, with helpers to make open-API clients through the admin API.</summary>
public class OpenApiAppFixture : IAsyncLifetime
{
    public DashboardFactory App { get; } = new();

    /// <summary>Settings a derived fixture applies before the app starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public Task InitializeAsync()
    {
        Configure(App.Settings);
        App.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Creates a client through POST /api/v1/openapi-clients and returns a signer with its key.</summary>
    public Task<SignedClient> CreateClientAsync(bool partner = false, int taskLimit = 50, string? name = null) =>
        CreateClientAsync(App, partner, taskLimit, name);

    /// <inheritdoc cref="CreateClientAsync(bool, int, string?)"/>
    public static async Task<SignedClient> CreateClientAsync(DashboardFactory app, bool partner = false, int taskLimit = 50, string? name = null)
    {
        using var admin = await app.CreateAdminClientAsync();
        using var response = await admin.PostAsJsonAsync("/api/v1/openapi-clients",
            new { name = name ?? $"owner-{Guid.NewGuid():N}@example.com", partner, task_limit = taskLimit });
        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.True(response.IsSuccessStatusCode, data.ToString());
        return new SignedClient(app.CreateClient(), data.GetProperty("api_id").GetString()!, data.GetProperty("api_key").GetString()!);
    }

    /// <summary>Creates a task and returns its tid.</summary>
    public static async Task<string> CreateTaskAsync(SignedClient client, string url, string name = "task", params (string, string)[] extra)
    {
        var answer = (await client.PostAsync("/openapi/v1/task/create/", [("name", name), ("type", "HTTP"), ("url", url), .. extra])).AssertOk();
        return answer.Data.GetProperty("tid").GetString()!;
    }

    public Task<int> MonitorIdAsync(string tid) =>
        App.WithDbAsync(db => db.OpenApiTasks.Where(t => t.Tid == tid).Select(t => t.MonitorId).SingleAsync());

    /// <summary>Stores results through the real writer (rollups and current state follow), as probes would.</summary>
    public Task WriteResultsAsync(params ProbeResult[] results) =>
        App.Services.GetRequiredService<ResultWriter>().SubmitAsync(results, CancellationToken.None);

    public Task<int> ServerHostIdAsync() => App.WithDbAsync(db => db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync());
}
