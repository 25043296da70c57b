using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Support.IpLiveWire;

namespace ProbeDashboard.Tests.Api.Compat;

/// <summary>Admins manage iplive apps under /api/v1/iplive/apps: the token is shown once, and it is what the app must send.</summary>
public class IpLiveAppsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task An_admin_creates_an_app_whose_token_is_shown_once_and_works_until_the_app_is_deleted()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var created = await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = "crm", callback_url = "http://127.0.0.1:9/cb" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        var (id, token) = (data.GetProperty("id").GetInt32(), data.GetProperty("token").GetString()!);
        Assert.StartsWith("ipl_", token);

        using var list = await admin.GetAsync("/api/v1/iplive/apps");
        var listed = (await list.JsonAsync()).GetProperty("data").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.Equal(("crm", "http://127.0.0.1:9/cb", token[..10]),
            (listed.GetProperty("app_name").GetString(), listed.GetProperty("callback_url").GetString(), listed.GetProperty("token_prefix").GetString()));

        using var client = factory.CreateClient();
        (string, string)[] stop = [("app_name", "crm"), ("token", token), ("group_id", "1")];
        await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor", stop), 1003);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/v1/iplive/apps/{id}", ApiJson.Content(new { callback_url = (string?)null }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/iplive/apps/{id}")).StatusCode);
        await AssertCodeAsync(await PostFormAsync(client, "/stop_monitor", stop), 1005);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/iplive/apps/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_names_urls_and_duplicates_are_refused()
    {
        var admin = await factory.CreateAdminClientAsync();
        await CreateAppAsync(admin, "dupe");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = "dupe" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = " " }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = "a b" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = "ok", callback_url = "ftp://127.0.0.1/x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync("/api/v1/iplive/apps/99999", ApiJson.Content(new { callback_url = "http://127.0.0.1/" }))).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_apps()
    {
        var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/iplive/apps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/v1/iplive/apps", ApiJson.Content(new { app_name = "x" }))).StatusCode);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/iplive/apps")).StatusCode);
    }
}
