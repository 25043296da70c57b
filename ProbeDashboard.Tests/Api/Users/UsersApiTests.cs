using System.Net;
using System.Net.Http.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Users;

public class UsersApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string BasePath = "/api/v1/users";

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in_with_that_role()
    {
        using var admin = await factory.CreateAdminClientAsync();

        using var created = await admin.PostAsync(BasePath, ApiJson.Content(new { username = "carol", password = "carol-password", role = "operator" }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        Assert.Equal(("carol", "operator", true), (data.GetProperty("username").GetString(), data.GetProperty("role").GetString(), data.GetProperty("enable").GetBoolean()));
        Assert.Equal($"{BasePath}/{data.GetProperty("id").GetInt32()}", created.Headers.Location!.ToString());
        using var carol = factory.CreateBearerClient(await factory.RequestTokenAsync("carol", "carol-password"));
        Assert.Equal("operator", (await (await carol.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("data").GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_list_shows_users_without_any_secret()
    {
        await factory.CreateUserAsync(UserRole.Viewer, "listed-viewer");
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.GetAsync(BasePath);

        var body = await response.Content.ReadAsStringAsync();
        var users = (await response.JsonAsync()).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(users, u => u.GetProperty("username").GetString() == "admin" && u.GetProperty("role").GetString() == "admin");
        Assert.Contains(users, u => u.GetProperty("username").GetString() == "listed-viewer" && u.GetProperty("role").GetString() == "viewer");
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stamp", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"username": "dave", "password": "dave-password", "role": "root"}""", "role")]
    [InlineData("""{"username": "dave", "password": "dave-password", "role": "2"}""", "role")]
    [InlineData("""{"username": "dave", "password": "short", "role": "viewer"}""", "password")]
    [InlineData("""{"username": "dave smith", "password": "dave-password", "role": "viewer"}""", "username")]
    [InlineData("""{"password": "dave-password", "role": "viewer"}""", "username")]
    [InlineData("""{"username": "dave", "password": 12345678, "role": "viewer"}""", "password")]
    [InlineData("""{"username": "dave",""", "body")]
    public async Task Bad_new_users_are_400_naming_the_field(string body, string field)
    {
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.PostAsync(BasePath, ApiJson.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
    }

    [Fact]
    public async Task A_taken_user_name_is_409()
    {
        await factory.CreateUserAsync(UserRole.Viewer, "taken");
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.PostAsync(BasePath, ApiJson.Content(new { username = "TAKEN", password = "some-password", role = "viewer" }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(409, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Changing_the_role_takes_effect_and_revokes_the_old_token()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var before = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        using var admin = await factory.CreateAdminClientAsync();

        using var response = await admin.PutAsync($"{BasePath}/{user.Id}/role", ApiJson.Content(new { role = "viewer" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("viewer", (await response.JsonAsync()).GetProperty("data").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/auth/me")).StatusCode);
        using var after = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        Assert.Equal(HttpStatusCode.Forbidden, (await after.PostAsync("/api/v1/service-monitors", ApiJson.Raw("{}"))).StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_replaces_the_old_one_and_lifts_a_lockout()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = user.UserName, password = "wrong-password" });
        using var admin = await factory.CreateAdminClientAsync();

        using var weak = await admin.PutAsync($"{BasePath}/{user.Id}/password", ApiJson.Content(new { password = "short" }));
        using var reset = await admin.PutAsync($"{BasePath}/{user.Id}/password", ApiJson.Content(new { password = "fresh-password" }));

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using var old = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = user.UserName, password = DashboardFactory.UserPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.NotEmpty(await factory.RequestTokenAsync(user.UserName!, "fresh-password"));
    }

    [Fact]
    public async Task A_disabled_user_is_shut_out_until_enabled_again()
    {
        var user = await factory.CreateUserAsync(UserRole.Operator);
        using var session = factory.CreateBearerClient(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
        using var admin = await factory.CreateAdminClientAsync();

        using var disabled = await admin.PatchAsync($"{BasePath}/{user.Id}/toggle", ApiJson.Content(new { enable = false }));

        Assert.False((await disabled.JsonAsync()).GetProperty("data").GetProperty("enable").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/auth/me")).StatusCode);
        using var anonymous = factory.CreateClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = user.UserName, password = DashboardFactory.UserPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await admin.PatchAsync($"{BasePath}/{user.Id}/toggle", ApiJson.Content(new { enable = true }));
        Assert.NotEmpty(await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_disabled()
    {
        using var isolated = new DashboardFactory();
        using var admin = await isolated.CreateAdminClientAsync();
        var adminId = (await (await admin.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();

        using var demote = await admin.PutAsync($"{BasePath}/{adminId}/role", ApiJson.Content(new { role = "operator" }));
        using var disable = await admin.PatchAsync($"{BasePath}/{adminId}/toggle", ApiJson.Content(new { enable = false }));

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(409, (await demote.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/auth/me")).StatusCode);

        var second = await isolated.CreateUserAsync(UserRole.Admin);
        using var demoted = await admin.PutAsync($"{BasePath}/{adminId}/role", ApiJson.Content(new { role = "operator" }));
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        using var secondAdmin = isolated.CreateBearerClient(await isolated.RequestTokenAsync(second.UserName!, DashboardFactory.UserPassword));
        using var lastOne = await secondAdmin.PatchAsync($"{BasePath}/{second.Id}/toggle", ApiJson.Content(new { enable = false }));
        Assert.Equal(HttpStatusCode.Conflict, lastOne.StatusCode);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "/role")]
    [InlineData("PUT", "/password")]
    [InlineData("PATCH", "/toggle")]
    public async Task Unknown_users_are_404(string method, string suffix)
    {
        using var admin = await factory.CreateAdminClientAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"{BasePath}/424242{suffix}")
        {
            Content = method == "GET" ? null : ApiJson.Content(new { role = "viewer", password = "long-enough-password", enable = true }),
        };

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(UserRole.Operator)]
    [InlineData(UserRole.Viewer)]
    public async Task Only_admins_manage_users(UserRole role)
    {
        using var client = await factory.CreateClientAsync(role);

        using var list = await client.GetAsync(BasePath);
        using var create = await client.PostAsync(BasePath, ApiJson.Content(new { username = "sneaky", password = "sneaky-password", role = "admin" }));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains(Permissions.Admin, (await create.JsonAsync()).GetProperty("message").GetString());
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(BasePath)).StatusCode);
    }
}
