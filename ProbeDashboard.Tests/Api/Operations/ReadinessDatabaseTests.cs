using System.Net;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <remarks>
/// Runs in both passes; it matters in the PostgreSQL one, where readiness asks the server whether it is a read-only
/// standby instead of taking SQLite's write lock (<see cref="ReadinessApiTests"/> covers the SQLite file).
/// </remarks>
public class ReadinessDatabaseTests
{
    [Fact]
    public async Task Readyz_reports_the_database_as_writable()
    {
        using var factory = new DashboardFactory();
        using var client = factory.CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await client.GetAsync("/readyz", cts.Token);
        var body = await response.Content.ReadAsStringAsync(cts.Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("database: ok (writable)", body);
    }
}
