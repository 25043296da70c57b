using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using Xunit.Abstractions;

namespace ProbeDashboard.Tests.Api.Security.Fuzz;

/// <summary>
/// 10,000 malformed or random requests across every mapped endpoint, native and compat, with and without valid
/// credentials of each kind: none may answer 5xx, and the server must still answer afterwards.
/// </summary>
public class EndpointFuzzTests(DashboardFactory factory, ITestOutputHelper output) : IClassFixture<DashboardFactory>
{
    private const int Requests = 10_000;
    /// <summary>Fixed, so a failure names requests that reproduce with the same seed.</summary>
    private const int Seed = 20261122;

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_and_the_server_still_answers()
    {
        var credentials = await CredentialsAsync();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/agent/register");
        var fuzzer = new RequestFuzzer(endpoints, credentials.Keys.ToList(), Seed);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromSeconds(30);
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(fuzzer.Generate(Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
        {
            using var message = request.ToMessage(credentials);
            try
            {
                using var response = await client.SendAsync(message, ct);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                    failures.Enqueue($"{(int)response.StatusCode} for {request}: {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                failures.Enqueue($"{e.GetType().Name} for {request}: {e.Message}");
            }
        });

        output.WriteLine($"{Requests} requests over {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:F1} s; statuses: "
                         + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} failures, first ones:\n{string.Join("\n", failures.Take(15))}");
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>The Authorization header of each identity the fuzzer sends as (by name, so failures say who).</summary>
    private async Task<Dictionary<string, string>> CredentialsAsync()
    {
        var admin = await factory.CreateUserAsync(UserRole.Admin);
        var viewer = await factory.CreateUserAsync(UserRole.Viewer);
        var (_, agentSecret) = await factory.Services.GetRequiredService<AgentTokenService>().CreateAsync(ProbeDashboard.Core.Access.Actor.System, "fuzz", CancellationToken.None) ?? throw new InvalidOperationException();
        return new Dictionary<string, string>
        {
            ["anonymous"] = "",
            ["admin"] = "Bearer " + await factory.RequestTokenAsync(admin.UserName!, DashboardFactory.UserPassword),
            ["viewer"] = "Bearer " + await factory.RequestTokenAsync(viewer.UserName!, DashboardFactory.UserPassword),
            ["agent"] = "Token " + agentSecret,
            ["forged"] = "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
            ["basic"] = "Basic " + Convert.ToBase64String("admin:wrong"u8.ToArray()),
        };
    }
}
