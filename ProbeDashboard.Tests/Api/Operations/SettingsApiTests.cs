using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>/api/v1/settings: the retention and egress view the settings page shows, for administrators.</summary>
public class SettingsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task An_admin_reads_and_changes_retention_and_the_change_is_audited()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var before = await (await admin.GetAsync("/api/v1/settings/retention")).JsonAsync();
        Assert.True(before.GetProperty("data").GetProperty("raw_days").GetInt32() > 0);

        using var saved = await admin.PutAsync("/api/v1/settings/retention", ApiJson.Content(new { raw_days = 8, rollup_days = 120 }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var data = (await saved.JsonAsync()).GetProperty("data");
        Assert.Equal((8, 120, true), (data.GetProperty("raw_days").GetInt32(), data.GetProperty("rollup_days").GetInt32(), data.GetProperty("customized").GetBoolean()));
        var entry = await factory.WithDbAsync(db => db.AuditLog.Where(e => e.Action == AuditActions.RetentionChange).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(DashboardFactory.AdminUser, entry.Actor);
        Assert.EndsWith("raw_days: " + before.GetProperty("data").GetProperty("raw_days").GetInt32() + " -> 8, rollup_days: "
            + before.GetProperty("data").GetProperty("rollup_days").GetInt32() + " -> 120", entry.Detail);
    }

    [Theory]
    [InlineData("{\"rollup_days\": 90}", "raw_days")]
    [InlineData("{\"raw_days\": 30, \"rollup_days\": 10}", "rollup_days")]
    [InlineData("{\"raw_days\": 0, \"rollup_days\": 10}", "raw_days")]
    public async Task Invalid_retention_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        using var admin = await factory.CreateAdminClientAsync();
        var audited = await factory.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditActions.RetentionChange));
        var before = (await (await admin.GetAsync("/api/v1/settings/retention")).JsonAsync()).GetProperty("data").GetRawText();

        using var response = await admin.PutAsync("/api/v1/settings/retention", ApiJson.Raw(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(400, json.GetProperty("code").GetInt32());
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.GetRawText());
        Assert.Equal(before, (await (await admin.GetAsync("/api/v1/settings/retention")).JsonAsync()).GetProperty("data").GetRawText());
        Assert.Equal(audited, await factory.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditActions.RetentionChange)));
    }

    [Theory]
    [InlineData("GET", "/api/v1/settings/retention")]
    [InlineData("PUT", "/api/v1/settings/retention")]
    [InlineData("GET", "/api/v1/settings/egress")]
    public async Task Settings_answer_401_to_the_anonymous_and_403_to_non_admins(string method, string path)
    {
        using var anonymous = factory.CreateClient();
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method == "PUT" ? ApiJson.Content(new { raw_days = 2, rollup_days = 3 }) : null };

        using var unauthenticated = await anonymous.SendAsync(Request());
        using var forbidden = await operatorClient.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(401, (await unauthenticated.JsonAsync()).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(403, (await forbidden.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_egress_view_shows_each_scopes_profile_and_the_always_refused_ranges()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var data = (await (await admin.GetAsync("/api/v1/settings/egress")).JsonAsync()).GetProperty("data");

        Assert.Equal("default", data.GetProperty("probes").GetProperty("profile").GetString());
        Assert.Equal(JsonValueKind.Array, data.GetProperty("webhooks").GetProperty("allow").ValueKind);
        Assert.Contains("169.254.0.0/16", data.GetProperty("always_refused").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_settings_operations_for_admins()
    {
        using var anonymous = factory.CreateClient();
        var view = ProbeDashboard.ApiDocs.OpenApiView.Parse(await anonymous.GetStringAsync("/api/v1/openapi.json"));

        foreach (var (method, path) in new[] { ("GET", "/api/v1/settings/retention"), ("PUT", "/api/v1/settings/retention"), ("GET", "/api/v1/settings/egress") })
        {
            var operation = Assert.Single(view.Operations, o => o.Method == method && o.Path == path);
            Assert.Equal(["bearer (admin)"], operation.Security.Select(s => s.ToString()));
        }
        Assert.Contains(Assert.Single(view.Operations, o => o.Method == "PUT" && o.Path == "/api/v1/settings/retention").Responses, r => r.Status == "400");
    }
}
