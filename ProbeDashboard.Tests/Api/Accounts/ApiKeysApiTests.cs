using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Api.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Accounts;

public class ApiKeysApiTests(ClockedDashboardFactory factory) : IClassFixture<ClockedDashboardFactory>
{
    private const string KeysPath = "/api/v1/api-keys";

    [Fact]
    public async Task A_new_key_is_shown_once_stored_hashed_and_listed_by_its_prefix()
    {
        using var owner = await factory.CreateClientAsync(UserRole.Operator);

        var (status, json) = await CreateAsync(owner, new { name = "deploy", scopes = new[] { "service_monitors:read" } });

        Assert.Equal(HttpStatusCode.Created, status);
        var key = json.GetProperty("data").GetProperty("key").GetString()!;
        Assert.StartsWith("pdk_", key);
        Assert.True(Convert.FromBase64String(key[4..].Replace('-', '+').Replace('_', '/') + "=").Length >= 16);
        var listed = Assert.Single((await (await owner.GetAsync(KeysPath)).JsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Equal(key[..12], listed.GetProperty("prefix").GetString());
        Assert.Equal(["service_monitors:read"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.False(listed.TryGetProperty("key", out _));
        var prefix = key[..12];
        var stored = await factory.WithDbAsync(db => db.Set<ProbeDashboard.Core.Accounts.ApiKeys.UserApiKey>().AsNoTracking().SingleAsync(k => k.Prefix == prefix));
        Assert.NotEqual(key, stored.KeyHash);
        Assert.Equal(ProbeDashboard.Core.Accounts.ApiKeys.UserApiKey.Hash(key), stored.KeyHash);
        Assert.True(await factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.UserApiKeyCreate && e.Target.Contains(prefix))));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("header")]
    public async Task A_key_acts_as_its_owner_with_only_its_scopes(string how)
    {
        var (owner, key) = await OwnerWithKeyAsync(UserRole.Operator, "service_monitors:read", "alert_events:read");
        using var client = KeyClient(key, how);

        var me = (await (await client.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("data");

        Assert.Equal(owner.Id, me.GetProperty("id").GetInt32());
        Assert.Equal(["alert_events:read", "service_monitors:read"], me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/service-monitors")).StatusCode);
    }

    [Fact]
    public async Task A_read_key_cannot_write_and_a_write_key_can()
    {
        var (_, readKey) = await OwnerWithKeyAsync(UserRole.Operator, "service_monitors:read");
        var (_, writeKey) = await OwnerWithKeyAsync(UserRole.Operator, "service_monitors:write");
        using var reader = KeyClient(readKey);
        using var writer = KeyClient(writeKey);

        using var refused = await reader.DeleteAsync("/api/v1/service-monitors/999999");
        using var allowed = await writer.DeleteAsync("/api/v1/service-monitors/999999");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("service_monitors:write", (await refused.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
    }

    [Theory]
    [InlineData("{\"scopes\": [\"service_monitors:read\"]}", "name")]
    [InlineData("{\"name\": \"x\"}", "scopes")]
    [InlineData("{\"name\": \"x\", \"scopes\": []}", "scopes")]
    [InlineData("{\"name\": \"x\", \"scopes\": [\"admin\"]}", "scopes")]
    [InlineData("{\"name\": \"x\", \"scopes\": [\"everything\"]}", "scopes")]
    [InlineData("{\"name\": \"x\", \"scopes\": [\"service_monitors:write\"]}", "scopes")]
    [InlineData("{\"name\": \"x\", \"scopes\": [\"service_monitors:read\"], \"expires_at\": \"2001-01-01T00:00:00Z\"}", "expires_at")]
    [InlineData("{\"name\": \"x\", \"scopes\": \"service_monitors:read\"}", "scopes")]
    public async Task Bad_requests_are_400_naming_the_field_and_store_nothing(string body, string field)
    {
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        using var response = await viewer.PostAsync(KeysPath, ApiJson.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty((await (await viewer.GetAsync(KeysPath)).JsonAsync()).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_key_stops_working_when_it_expires()
    {
        using var owner = await factory.CreateClientAsync(UserRole.Viewer);
        var expires = factory.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var key = (await CreateAsync(owner, new { name = "short", scopes = new[] { "service_monitors:read" }, expires_at = expires }))
            .Json.GetProperty("data").GetProperty("key").GetString()!;
        using var client = KeyClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/service-monitors")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        using var expired = await client.GetAsync("/api/v1/service-monitors");

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("API key expired", (await expired.JsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Revoking_takes_effect_at_once_and_only_the_owner_or_an_admin_may()
    {
        var (owner, key) = await OwnerWithKeyAsync(UserRole.Operator, "service_monitors:read");
        using var ownerClient = factory.CreateBearerClient(await factory.RequestTokenAsync(owner.UserName!, DashboardFactory.UserPassword));
        using var stranger = await factory.CreateClientAsync(UserRole.Operator);
        using var keyClient = KeyClient(key);
        var id = (await (await ownerClient.GetAsync(KeysPath)).JsonAsync()).GetProperty("data")[0].GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/api/v1/service-monitors")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"{KeysPath}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.DeleteAsync($"{KeysPath}/{id}")).StatusCode);
        using var revoked = await keyClient.GetAsync("/api/v1/service-monitors");

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("API key revoked", (await revoked.JsonAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await ownerClient.DeleteAsync($"{KeysPath}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerClient.DeleteAsync($"{KeysPath}/999999")).StatusCode);
    }

    [Fact]
    public async Task Admins_list_and_revoke_every_users_keys_and_others_may_not_list_them()
    {
        var (owner, key) = await OwnerWithKeyAsync(UserRole.Viewer, "alert_rules:read");
        using var admin = await factory.CreateAdminClientAsync();
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);

        var all = (await (await admin.GetAsync($"{KeysPath}?all=true")).JsonAsync()).GetProperty("data").EnumerateArray().ToList();
        var theirs = Assert.Single(all, k => k.GetProperty("owner_id").GetInt32() == owner.Id);
        Assert.Equal(owner.UserName, theirs.GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{KeysPath}?all=true")).StatusCode);
        Assert.DoesNotContain((await (await admin.GetAsync(KeysPath)).JsonAsync()).GetProperty("data").EnumerateArray(), k => k.GetProperty("owner_id").GetInt32() == owner.Id);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{KeysPath}/{theirs.GetProperty("id").GetInt32()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await KeyClient(key).GetAsync("/api/v1/alert-rules")).StatusCode);
    }

    [Fact]
    public async Task The_keys_of_a_disabled_owner_stop_working_and_a_demoted_owners_key_loses_what_the_role_lost()
    {
        var (disabledOwner, disabledKey) = await OwnerWithKeyAsync(UserRole.Operator, "service_monitors:read");
        var (demotedOwner, demotedKey) = await OwnerWithKeyAsync(UserRole.Operator, "service_monitors:read", "service_monitors:write");
        using var admin = await factory.CreateAdminClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync($"/api/v1/users/{disabledOwner.Id}/toggle", ApiJson.Content(new { enable = false }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/users/{demotedOwner.Id}/role", ApiJson.Content(new { role = "viewer" }))).StatusCode);

        using var disabled = await KeyClient(disabledKey).GetAsync("/api/v1/service-monitors");
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
        Assert.Contains("disabled", (await disabled.JsonAsync()).GetProperty("message").GetString());
        using var demoted = KeyClient(demotedKey);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/api/v1/service-monitors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demoted.DeleteAsync("/api/v1/service-monitors/999999")).StatusCode);
    }

    [Fact]
    public async Task A_key_cannot_manage_keys_or_two_factor_sign_in()
    {
        var (_, key) = await OwnerWithKeyAsync(UserRole.Admin, "service_monitors:read");
        using var client = KeyClient(key);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(KeysPath, ApiJson.Content(new { name = "more", scopes = new[] { "service_monitors:read" } }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(KeysPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/auth/2fa/setup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task Last_use_is_recorded_and_an_unknown_key_is_401_in_the_envelope()
    {
        var (owner, key) = await OwnerWithKeyAsync(UserRole.Viewer, "service_monitors:read");
        using var ownerClient = factory.CreateBearerClient(await factory.RequestTokenAsync(owner.UserName!, DashboardFactory.UserPassword));
        Assert.Equal(JsonValueKind.Null, (await (await ownerClient.GetAsync(KeysPath)).JsonAsync()).GetProperty("data")[0].GetProperty("last_used_at").ValueKind);

        await KeyClient(key).GetAsync("/api/v1/service-monitors");

        var listed = (await (await ownerClient.GetAsync(KeysPath)).JsonAsync()).GetProperty("data")[0];
        Assert.Equal(JsonValueKind.String, listed.GetProperty("last_used_at").ValueKind);
        using var unknown = await KeyClient("pdk_" + new string('x', 43)).GetAsync("/api/v1/service-monitors");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("invalid API key", (await unknown.JsonAsync()).GetProperty("message").GetString());
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(KeysPath)).StatusCode);
    }

    private async Task<(AppUser Owner, string Key)> OwnerWithKeyAsync(UserRole role, params string[] scopes)
    {
        var owner = await factory.CreateUserAsync(role);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(owner.UserName!, DashboardFactory.UserPassword));
        var (status, json) = await CreateAsync(client, new { name = "automation", scopes });
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        return (owner, json.GetProperty("data").GetProperty("key").GetString()!);
    }

    private HttpClient KeyClient(string key, string how = "bearer")
    {
        var client = factory.CreateClient();
        if (how == "bearer") client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        else client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsync(KeysPath, ApiJson.Content(body));
        return (response.StatusCode, await response.JsonAsync());
    }
}
