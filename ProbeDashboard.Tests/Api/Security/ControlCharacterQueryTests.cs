using System.Net;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Security;

/// <summary>
/// A NUL or another control character in a query filter is a 400 naming the parameter, on either database: the
/// endpoint fuzzer found `GET /api/v1/profiles?language=%00` answering 500 on PostgreSQL, which refuses NUL in text.
/// </summary>
public class ControlCharacterQueryTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/api/v1/profiles?language=%00", "language")]
    [InlineData("/api/v1/profiles?language=JA%01VA", "language")]
    [InlineData("/api/v1/service-monitors?search=a%00b", "search")]
    [InlineData("/api/v1/hosts?search=%1F", "search")]
    public async Task A_control_character_in_a_filter_is_a_400_naming_it(string path, string field)
    {
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.GetRawText());
    }
}
