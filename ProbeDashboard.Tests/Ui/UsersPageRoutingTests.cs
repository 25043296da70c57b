using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>The Users page is for administrators: anyone else is sent away before it renders (its content: Components/Users).</summary>
public class UsersPageRoutingTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in()
    {
        using var session = new DashboardSession(factory);
        var response = await session.Client.GetAsync("/users", Timeout());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_operator_is_refused_and_an_admin_gets_the_page()
    {
        await factory.CreateUserAsync(UserRole.Operator, "users-page-operator");
        using (var session = new DashboardSession(factory))
        {
            await session.SignInAsync("users-page-operator", DashboardFactory.UserPassword, Timeout());
            var response = await session.Client.GetAsync("/users", Timeout());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        }

        using var admin = new DashboardSession(factory);
        await admin.SignInAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword, Timeout());
        var html = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/users", Timeout()));
        Assert.Equal("Users · ProbeDashboard", DashboardSession.Title(html));
        Assert.Contains(">New user<", html);
    }
}
