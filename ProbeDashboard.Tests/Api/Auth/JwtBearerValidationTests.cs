using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ProbeDashboard.Auth.Tokens;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Auth;

/// <summary>
/// What JwtBearer, configured with our rules, lets in: tokens are crafted here with exact lifetimes, keys and
/// algorithms, and every refusal must come back as the API's 401 envelope.
/// </summary>
public class JwtBearerValidationTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private const string ProtectedPath = "/api/v1/auth/me";

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private SecurityKey ServerKey => factory.Services.GetRequiredService<TokenSigningKey>().Key;

    [Fact]
    public async Task A_token_expired_more_than_30_seconds_ago_is_refused_with_the_401_envelope()
    {
        var token = await AdminTokenAsync(ServerKey, expires: Now.AddSeconds(-31));

        using var response = await GetAsync(ProtectedPath, token);

        await AssertRefusedAsync(response, "token expired");
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_expired_within_the_30_seconds_of_skew_is_still_accepted()
    {
        var token = await AdminTokenAsync(ServerKey, expires: Now.AddSeconds(-29));

        using var response = await GetAsync(ProtectedPath, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DashboardFactory.AdminUser, (await response.JsonAsync()).GetProperty("data").GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_with_the_401_envelope()
    {
        var token = await AdminTokenAsync(new SymmetricSecurityKey(new byte[64]), expires: Now.AddMinutes(5));

        await AssertRefusedAsync(await GetAsync(ProtectedPath, token), "invalid token");
    }

    [Fact]
    public async Task An_unsigned_token_with_alg_none_is_refused_with_the_401_envelope()
    {
        var token = await AdminTokenAsync(key: null, expires: Now.AddMinutes(5));
        Assert.Contains("\"alg\":\"none\"", Base64UrlEncoder.Decode(token.Split('.')[0]));

        await AssertRefusedAsync(await GetAsync(ProtectedPath, token), "invalid token");
    }

    [Fact]
    public async Task A_token_signed_with_our_key_but_another_algorithm_is_refused()
    {
        var token = await AdminTokenAsync(ServerKey, expires: Now.AddMinutes(5), SecurityAlgorithms.HmacSha512);

        await AssertRefusedAsync(await GetAsync(ProtectedPath, token), "invalid token");
    }

    [Fact]
    public async Task The_access_token_query_is_ignored_on_a_normal_api_path()
    {
        var token = await factory.RequestTokenAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword);

        using var response = await GetAsync($"{ProtectedPath}?access_token={token}", bearer: null);

        await AssertRefusedAsync(response, "authentication required: send Authorization: Bearer <token>");
    }

    [Fact]
    public async Task The_access_token_query_opens_a_websocket_and_a_signalr_negotiation()
    {
        var token = await factory.RequestTokenAsync(DashboardFactory.AdminUser, DashboardFactory.AdminPassword);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var sockets = factory.Server.CreateWebSocketClient();
        using var socket = await sockets.ConnectAsync(new Uri(factory.Server.BaseAddress, $"/api/v1/ws/service-probe?access_token={token}"), timeout.Token);
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);

        using var client = factory.CreateClient();
        using var negotiated = await client.PostAsync($"/hubs/monitoring/negotiate?negotiateVersion=1&access_token={token}", null, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        using var anonymous = await client.PostAsync("/hubs/monitoring/negotiate?negotiateVersion=1", null, timeout.Token);
        await AssertRefusedAsync(anonymous, "authentication required: send Authorization: Bearer <token>");
    }

    [Fact]
    public async Task A_security_stamp_change_revokes_tokens_issued_before_it()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        var token = await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword);
        using (var before = await GetAsync(ProtectedPath, token))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!)).Succeeded);
        }

        await AssertRefusedAsync(await GetAsync(ProtectedPath, token), "token revoked: the password or role changed, request a new token");
        var fresh = await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword);
        using var after = await GetAsync(ProtectedPath, fresh);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>An admin token issued ten minutes ago, with the admin's current claims and the given expiry.</summary>
    private async Task<string> AdminTokenAsync(SecurityKey? key, DateTime expires, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var claims = await TokenForge.ClaimsOfAsync(factory.Services, DashboardFactory.AdminUser);
        claims.Add(new Claim(Permissions.ClaimType, Permissions.Admin));
        return TokenForge.Create(claims, key, issuedAt: Now.AddMinutes(-10), expires, algorithm: algorithm);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? bearer)
    {
        using var client = bearer is null ? factory.CreateClient() : factory.CreateBearerClient(bearer);
        return await client.GetAsync(path);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var json = await response.JsonAsync();
            Assert.Equal(401, json.GetProperty("code").GetInt32());
            Assert.Equal(message, json.GetProperty("message").GetString());
        }
    }
}
