using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Auth;

/// <summary>A dashboard whose clock the test moves, so token expiry can be observed without waiting.</summary>
public class ClockedDashboardFactory : DashboardFactory
{
    public ClockedDashboardFactory() => Time = Clock;

    public ManualTimeProvider Clock { get; } = new();
}

public class BearerAuthenticationTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private const string ProtectedPath = "/api/v1/auth/me";

    [Fact]
    public async Task No_token_is_401_in_the_envelope_not_a_redirect_to_the_login_page()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(ProtectedPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public async Task A_garbage_token_is_401(string token)
    {
        using var client = factory.CreateBearerClient(token);
        using var response = await client.GetAsync(ProtectedPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid token", (await response.JsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Tokens_signed_with_another_key_or_for_another_audience_are_401()
    {
        var serverKey = factory.Services.GetRequiredService<TokenSigningKey>().Key;
        var strangerKey = new SymmetricSecurityKey(new byte[64]);

        foreach (var token in new[] { await CraftAsync(strangerKey, TokenClaims.Audience), await CraftAsync(serverKey, "someone-else") })
        {
            using var client = factory.CreateBearerClient(token);
            using var response = await client.GetAsync(ProtectedPath);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using var wellFormed = factory.CreateBearerClient(await CraftAsync(serverKey, TokenClaims.Audience));
        Assert.Equal(HttpStatusCode.OK, (await wellFormed.GetAsync(ProtectedPath)).StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_with_at_most_30_seconds_of_grace()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));

        factory.Clock.Advance(TimeSpan.FromMinutes(60) + TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ProtectedPath)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(15));
        using var expired = await client.GetAsync(ProtectedPath);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("token expired", (await expired.JsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_password_change_revokes_existing_tokens_but_not_new_ones()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ProtectedPath)).StatusCode);

        await WithUserAsync(user.Id, (users, u) => users.ChangePasswordAsync(u, DashboardFactory.UserPassword, "a-brand-new-password"));

        using var revoked = await client.GetAsync(ProtectedPath);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("revoked", (await revoked.JsonAsync()).GetProperty("message").GetString());
        using var fresh = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, "a-brand-new-password"));
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(ProtectedPath)).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_user_or_changing_the_role_revokes_existing_tokens()
    {
        var demoted = await factory.CreateUserAsync(UserRole.Operator);
        var disabled = await factory.CreateUserAsync(UserRole.Operator);
        using var demotedClient = factory.CreateBearerClient(await factory.RequestTokenAsync(demoted.UserName!, DashboardFactory.UserPassword));
        using var disabledClient = factory.CreateBearerClient(await factory.RequestTokenAsync(disabled.UserName!, DashboardFactory.UserPassword));
        Assert.Equal(HttpStatusCode.OK, (await demotedClient.GetAsync(ProtectedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await disabledClient.GetAsync(ProtectedPath)).StatusCode);

        await WithUserAsync(demoted.Id, (users, u) => { u.Role = UserRole.Viewer; return users.UpdateAsync(u); });
        await WithUserAsync(disabled.Id, (users, u) => { u.Disabled = true; return users.UpdateAsync(u); });

        Assert.Equal(HttpStatusCode.Unauthorized, (await demotedClient.GetAsync(ProtectedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await disabledClient.GetAsync(ProtectedPath)).StatusCode);
    }

    private async Task WithUserAsync(int userId, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await change(users, (await users.FindByIdAsync(userId.ToString()))!);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>An admin token made outside the server, to probe what the validator accepts.</summary>
    private async Task<string> CraftAsync(SecurityKey key, string audience)
    {
        var claims = await TokenForge.ClaimsOfAsync(factory.Services, DashboardFactory.AdminUser);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return TokenForge.Create(claims, key, now, now.AddMinutes(5), audience);
    }
}
