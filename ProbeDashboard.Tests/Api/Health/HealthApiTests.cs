using System.Net;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Health;

public class HealthApiTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _factory;

    public HealthApiTests(DashboardFactory factory) => _factory = factory;

    [Fact]
    public async Task Healthz_answers_ok_without_auth_once_the_database_is_migrated()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (!TestDatabase.IsPostgres) Assert.True(File.Exists(Path.Combine(_factory.DataDirectory, "probedashboard.db")));
    }
}
