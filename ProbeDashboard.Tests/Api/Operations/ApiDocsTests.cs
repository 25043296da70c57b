using System.Net;
using System.Text.Json;
using ProbeDashboard.ApiDocs;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

public class ApiDocsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_api_v1_and_the_push_urls_only_and_anyone_may_read_it()
    {
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.GetAsync("/api/v1/openapi.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(json);
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, p => Assert.True(p.StartsWith("/api/v1/") || p.StartsWith("/api/push/"), p));
        Assert.Contains("/api/push/{token}/{action}", paths);
        Assert.Contains("/api/v1/service-monitors/{id}", paths);
        Assert.Contains("/api/v1/config/import", paths);
        Assert.Contains("/api/v1/escalation-policies/{id}", paths);
        Assert.Equal("http", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        // The open monitoring API of seed 004 keeps /openapi/v1/...; the framework's default path serves no document.
        Assert.DoesNotContain("\"openapi\": \"3.", await anonymous.GetStringAsync("/openapi/v1.json"));
    }

    [Fact]
    public async Task The_api_page_model_reads_operations_parameters_and_snake_case_schemas_from_the_real_document()
    {
        using var client = factory.CreateClient();
        var view = OpenApiView.Parse(await client.GetStringAsync("/api/v1/openapi.json"));

        Assert.Equal("ProbeDashboard API", view.Title);
        var create = Assert.Single(view.Operations, o => o.Method == "POST" && o.Path == "/api/v1/alert-rules");
        Assert.NotNull(create.RequestType);
        Assert.Contains(create.Responses, r => r.Status == "400");
        var export = Assert.Single(view.Operations, o => o.Method == "GET" && o.Path == "/api/v1/config/export");
        Assert.Contains(export.Parameters, p => p.Name == "include_secrets" && p.In == "query");
        var request = Assert.Single(view.Schemas, s => s.Name == create.RequestType);
        Assert.Contains(request.Properties, p => p.Name == "notification_group_id");
        Assert.Contains(request.Properties, p => p.Name == "escalation_policy_id");
        var policy = Assert.Single(view.Operations, o => o.Method == "POST" && o.Path == "/api/v1/escalation-policies");
        Assert.Equal(["201", "400", "409"], policy.Responses.Select(r => r.Status).Where(s => s is "201" or "400" or "409").Order());
        Assert.Contains(Assert.Single(view.Schemas, s => s.Name == "EscalationStepWire").Properties, p => p.Name == "after_seconds");
    }

    [Fact]
    public async Task The_api_page_model_reads_openapi_3_1_nullability_and_each_operations_token()
    {
        using var client = factory.CreateClient();
        var view = OpenApiView.Parse(await client.GetStringAsync("/api/v1/openapi.json"));

        var request = Assert.Single(view.Schemas, s => s.Name == "AlertRuleRequest");
        Assert.Equal("integer (int32)?", Assert.Single(request.Properties, p => p.Name == "notification_group_id").Type);
        Assert.Equal("integer (int32)[]?", Assert.Single(request.Properties, p => p.Name == "target_ids").Type);
        Assert.Equal("string?", Assert.Single(request.Properties, p => p.Name == "name").Type);
        var token = Assert.Single(view.Operations, o => o.Method == "POST" && o.Path == "/api/v1/auth/token");
        Assert.Equal("TokenRequest?", token.RequestType);
        Assert.Empty(token.Security);
        var create = Assert.Single(view.Operations, o => o.Method == "POST" && o.Path == "/api/v1/alert-rules");
        Assert.Equal(["bearer (alert_rules:write)"], create.Security.Select(s => s.ToString()));
        var profiles = Assert.Single(view.Operations, o => o.Method == "GET" && o.Path == "/api/v1/profiles");
        Assert.Equal(["agentToken", "bearer (admin)"], profiles.Security.Select(s => s.ToString()));
    }

    [Fact]
    public async Task The_document_lists_the_service_channel_kinds_and_each_kinds_settings_for_group_recipients()
    {
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json"));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var recipient = schemas.GetProperty("ChannelRecipientInput");
        Assert.Equal(ChannelSamples.Kinds, recipient.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains("telegram: bot_token*, chat_id, api_url (optional)", recipient.GetProperty("description").GetString());
        Assert.True(schemas.GetProperty("NotificationGroupRequest").GetProperty("properties").TryGetProperty("recipients", out _));
        Assert.True(schemas.GetProperty("ChannelRecipientOutput").GetProperty("properties").TryGetProperty("has_secret", out _));
    }
}
