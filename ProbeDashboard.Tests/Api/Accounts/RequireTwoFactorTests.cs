using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;
using ProbeDashboard.Tests.Ui;

namespace ProbeDashboard.Tests.Api.Accounts;

/// <summary>A server with <c>Auth:Require2fa</c>: users without a second factor may only set one up.</summary>
public sealed class RequireTwoFactorFactory : ClockedDashboardFactory
{
    public RequireTwoFactorFactory() => Settings["Auth:Require2fa"] = "true";
}

public class RequireTwoFactorTests(RequireTwoFactorFactory factory) : IClassFixture<RequireTwoFactorFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_user_without_2fa_is_sent_to_setup_after_sign_in_and_from_every_page_until_it_is_on()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var session = new DashboardSession(factory);

        using var signIn = await session.SignInAsync(user.UserName!, DashboardFactory.UserPassword, Timeout());
        Assert.Equal("/account/two-factor", signIn.Headers.Location!.OriginalString);
        using var overview = await session.Client.GetAsync("/monitors", Timeout());
        Assert.Equal("/account/two-factor", overview.Headers.Location!.OriginalString);
        var page = await session.Client.GetStringAsync("/account/two-factor", Timeout());
        Assert.Contains("requires two-factor sign-in", page);

        var secret = TwoFactorFormTests.SecretPattern().Match(page).Groups[1].Value;
        await TwoFactorFormTests.PostSetupAsync(session, TwoFactorUsers.CodeAt(secret, factory.Clock.GetUtcNow().UtcDateTime));

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/monitors", Timeout())).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_a_user_without_2fa_with_403_except_to_set_it_up()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));

        using var refused = await client.GetAsync("/api/v1/service-monitors");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var json = await refused.JsonAsync();
        Assert.Equal(403, json.GetProperty("code").GetInt32());
        Assert.Contains("two-factor sign-in is required", json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        var secret = (await (await client.PostAsync("/api/v1/auth/2fa/setup", null)).JsonAsync()).GetProperty("data").GetProperty("secret").GetString()!;
        using var enable = await client.PostAsync("/api/v1/auth/2fa/enable",
            ApiJson.Content(new { code = TwoFactorUsers.CodeAt(secret, factory.Clock.GetUtcNow().UtcDateTime) }));
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/service-monitors")).StatusCode);
        var status = (await (await client.GetAsync("/api/v1/auth/2fa")).JsonAsync()).GetProperty("data");
        Assert.True(status.GetProperty("required").GetBoolean());
    }
}
