using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Auth;

public class TokenApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string TokenPath = "/api/v1/auth/token";

    [Fact]
    public async Task Valid_credentials_return_a_bearer_token_in_the_envelope()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(TokenPath,
            ApiJson.Content(new { username = DashboardFactory.AdminUser, password = DashboardFactory.AdminPassword }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(0, json.GetProperty("code").GetInt32());
        Assert.Equal("success", json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        Assert.Equal("Bearer", data.GetProperty("token_type").GetString());
        Assert.Equal(3600, data.GetProperty("expires_in").GetInt32());
        Assert.Equal(3, data.GetProperty("access_token").GetString()!.Split('.').Length);
    }

    [Fact]
    public async Task The_token_identifies_the_user_and_carries_the_permissions_of_the_role()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));

        var data = (await (await client.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("data");

        Assert.Equal(user.Id, data.GetProperty("id").GetInt32());
        Assert.Equal(user.UserName, data.GetProperty("username").GetString());
        Assert.Equal("operator", data.GetProperty("role").GetString());
        var permissions = data.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(Permissions.ServiceMonitorsWrite, permissions);
        Assert.DoesNotContain(Permissions.Admin, permissions);
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody", "whatever-password")]
    public async Task Bad_credentials_are_401_in_the_envelope(string userName, string password)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(TokenPath, ApiJson.Content(new { username = userName, password }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(401, json.GetProperty("code").GetInt32());
        Assert.Equal("invalid username or password", json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"username\": \"admin\"", "body")]
    [InlineData("{\"username\": 5, \"password\": \"x\"}", "username")]
    [InlineData("{\"password\": \"secret\"}", "username")]
    [InlineData("{\"username\": \"admin\", \"password\": \"\"}", "password")]
    [InlineData("", "username")]
    public async Task Malformed_or_incomplete_bodies_are_400_naming_the_field(string body, string field)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(TokenPath, ApiJson.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsync(TokenPath, ApiJson.Content(new { username = user.UserName, password = "not-the-password" }));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.PostAsync(TokenPath, ApiJson.Content(new { username = user.UserName, password = DashboardFactory.UserPassword }));

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", (await right.JsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_disabled_user_gets_no_token()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        await UpdateUserAsync(user.Id, u => u.Disabled = true);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(TokenPath, ApiJson.Content(new { username = user.UserName, password = DashboardFactory.UserPassword }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("account is disabled", (await response.JsonAsync()).GetProperty("message").GetString());
    }

    private async Task UpdateUserAsync(int userId, Action<AppUser> change)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        change(user!);
        Assert.True((await users.UpdateAsync(user!)).Succeeded);
    }
}
