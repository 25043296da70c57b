using System.Net;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>The Hosts page needs a signed-in user (its content is tested with bUnit in Components/Hosts).</summary>
public class HostsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        using var session = new DashboardSession(factory);
        var response = await session.Client.GetAsync("/hosts", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }
}
