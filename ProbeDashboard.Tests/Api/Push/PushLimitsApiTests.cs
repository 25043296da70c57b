using System.Net;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Push;

/// <summary>The anonymous ping URLs are bounded: a per-address rate limit answered in plain text, and a body size cap.</summary>
public class PushLimitsApiTests
{
    [Fact]
    public async Task Pings_past_the_rate_limit_are_429_in_plain_text_with_retry_after()
    {
        using var factory = new DashboardFactory { Settings = { ["RateLimits:Push:PermitLimit"] = "3" } };
        using var anonymous = factory.CreateClient();
        var url = "/api/push/" + new string('Z', 32);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        using var limited = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("too many requests from this address, try again later", await limited.Content.ReadAsStringAsync());
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        using var factory = new DashboardFactory();
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostAsync("/api/push/" + new string('Z', 32), new ByteArrayContent(new byte[2 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
