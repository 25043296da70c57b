using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Audit;

/// <summary>Who did what and when: the API's commands and sign-ins land in the audit log, which admins can filter.</summary>
public class AuditLogApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Commands_through_the_api_are_recorded_with_the_acting_user()
    {
        var admin = await factory.CreateUserAsync(UserRole.Admin);
        using var client = factory.CreateBearerClient(await factory.RequestTokenAsync(admin.UserName!, DashboardFactory.UserPassword));

        using var created = await client.PostAsync("/api/v1/service-monitors", ApiJson.Content(new Dictionary<string, object?>
        {
            ["name"] = "audited", ["type"] = 3, ["target"] = "127.0.0.1", ["duration"] = 30,
        }));
        var monitorId = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/api/v1/service-monitors/{monitorId}/toggle", ApiJson.Content(new { enable = false }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/service-monitors/{monitorId}")).StatusCode);
        using var token = await client.PostAsync("/api/v1/agent-tokens", ApiJson.Content(new { name = "audited agents" }));
        var tokenData = (await token.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/agent-tokens/{tokenData.GetProperty("id").GetInt32()}")).StatusCode);
        using var user = await client.PostAsync("/api/v1/users", ApiJson.Content(new { username = "audited-user", password = "a-long-password", role = "viewer" }));
        Assert.True(user.IsSuccessStatusCode);

        var entries = await ListAsync(client, $"actor={admin.UserName}&page_size=50");

        var actions = entries.Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(
            [AuditActions.UserCreate, AuditActions.AgentTokenRevoke, AuditActions.AgentTokenCreate, AuditActions.MonitorDelete,
             AuditActions.MonitorToggle, AuditActions.MonitorCreate, AuditActions.TokenIssued],
            actions);
        Assert.All(entries, e => Assert.Equal(admin.UserName, e.GetProperty("actor").GetString()));
        Assert.Contains($"monitor #{monitorId} audited", entries[5].GetProperty("target").GetString());
        // The token's secret is shown once to its creator and never stored in the log.
        Assert.DoesNotContain(entries, e => e.ToString().Contains(tokenData.GetProperty("token").GetString()!));
    }

    [Fact]
    public async Task Open_api_keys_and_iplive_apps_are_audited_without_their_secrets()
    {
        using var admin = await factory.CreateAdminClientAsync();
        using var created = await admin.PostAsync("/api/v1/openapi-clients", ApiJson.Content(new { name = "audited partner", task_limit = 5 }));
        var client = (await created.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/openapi-clients/{client.GetProperty("id").GetInt32()}")).StatusCode);
        using var app = await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = "audited-app" }));
        Assert.True(app.IsSuccessStatusCode);

        var entries = await ListAsync(admin, "action=api_key.");
        var apps = await ListAsync(admin, "action=iplive_app.&target=audited-app");

        Assert.Equal([AuditActions.ApiKeyRevoke, AuditActions.ApiKeyCreate], entries.Take(2).Select(e => e.GetProperty("action").GetString()));
        Assert.Single(apps);
        var secrets = new[] { client.GetProperty("api_key").GetString()! };
        Assert.All(entries, e => Assert.All(secrets, secret => Assert.DoesNotContain(secret, e.ToString())));
    }

    [Fact]
    public async Task Failed_and_successful_sign_ins_are_recorded_and_filterable_by_action_and_time()
    {
        var user = await factory.CreateUserAsync(UserRole.Viewer);
        using var anonymous = factory.CreateClient();
        using var wrong = await anonymous.PostAsync("/api/v1/auth/token", ApiJson.Content(new { username = user.UserName, password = "not-the-password" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await factory.RequestTokenAsync(user.UserName!, DashboardFactory.UserPassword);
        using var admin = await factory.CreateAdminClientAsync();

        var refused = await ListAsync(admin, $"action={AuditActions.TokenRefused}&target={user.UserName}");
        var issued = await ListAsync(admin, $"action=auth.token_issued&actor={user.UserName}&from={DateTime.UtcNow.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ}");
        var future = await ListAsync(admin, $"actor={user.UserName}&from={DateTime.UtcNow.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}");

        Assert.Equal("wrong password", Assert.Single(refused).GetProperty("detail").GetString());
        Assert.Single(issued);
        Assert.Empty(future);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log_and_bad_filters_are_400()
    {
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var admin = await factory.CreateAdminClientAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/audit-log")).StatusCode);
        using var bad = await admin.GetAsync("/api/v1/audit-log?from=yesterday&page_size=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("page_size", out _));
    }

    [Fact]
    public async Task Entries_older_than_the_retention_are_purged_and_newer_ones_kept()
    {
        var now = DateTime.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            db.AuditLog.Add(new AuditEntry { Timestamp = now.AddDays(-366), Actor = "old-actor", Action = "x.old", Target = "t" });
            db.AuditLog.Add(new AuditEntry { Timestamp = now.AddDays(-364), Actor = "kept-actor", Action = "x.kept", Target = "t" });
            await db.SaveChangesAsync();
        });

        await factory.Services.GetRequiredService<AuditRetention>().PurgeAsync(CancellationToken.None);

        var actors = await factory.WithDbAsync(db => Task.FromResult(db.AuditLog.Select(e => e.Actor).ToList()));
        Assert.DoesNotContain("old-actor", actors);
        Assert.Contains("kept-actor", actors);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/audit-log?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().ToList();
    }
}
