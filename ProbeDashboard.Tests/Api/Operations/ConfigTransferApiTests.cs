using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>The server the configuration comes from, seeded once.</summary>
public sealed class SeededConfigFactory : DashboardFactory, IAsyncLifetime
{
    public Task InitializeAsync() => ConfigSeed.StoreAsync(this);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class ConfigTransferApiTests(SeededConfigFactory source) : IClassFixture<SeededConfigFactory>
{
    [Theory]
    [InlineData("json")]
    [InlineData("yaml")]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_configuration_and_a_second_import_changes_nothing(string format)
    {
        using var sourceAdmin = await source.CreateAdminClientAsync();
        var exported = await ExportAsync(sourceAdmin, format, includeSecrets: true);
        using var target = new DashboardFactory();
        using var targetAdmin = await target.CreateAdminClientAsync();

        var first = await ImportAsync(targetAdmin, exported, format);
        Assert.True(first.Status == HttpStatusCode.OK, first.Body.ToJsonString() + "\n" + exported);
        Assert.Equal(8, Sum(first.Body, "created"));

        Assert.True(JsonNode.DeepEquals(Comparable(await ExportAsync(sourceAdmin, "json", true)), Comparable(await ExportAsync(targetAdmin, "json", true))),
            "the imported configuration differs from the exported one");
        var updatedAt = await target.WithDbAsync(db => Task.FromResult(db.Monitors.Select(m => m.UpdatedAt).ToList()));

        var second = await ImportAsync(targetAdmin, exported, format);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(0, Sum(second.Body, "created") + Sum(second.Body, "updated"));
        Assert.Equal(8, Sum(second.Body, "unchanged"));
        Assert.Equal(updatedAt, await target.WithDbAsync(db => Task.FromResult(db.Monitors.Select(m => m.UpdatedAt).ToList())));
    }

    [Fact]
    public async Task Export_leaves_secrets_out_unless_asked_and_a_reimport_keeps_the_stored_secret()
    {
        using var admin = await source.CreateAdminClientAsync();
        var plain = await ExportAsync(admin, "json", includeSecrets: false);
        Assert.DoesNotContain(ConfigSeed.WebhookSecret, plain);
        var clients = JsonNode.Parse(plain)!;
        Assert.Null(clients["openapi_clients"]![0]!["api_key"]);
        Assert.Null(clients["iplive_apps"]![0]!["token_hash"]);
        Assert.Contains(ConfigSeed.WebhookSecret, await ExportAsync(admin, "json", includeSecrets: true));

        var again = await ImportAsync(admin, plain, "json");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(0, Sum(again.Body, "updated"));
        Assert.Contains(ConfigSeed.WebhookSecret, await ExportAsync(admin, "json", includeSecrets: true));
    }

    [Fact]
    public async Task A_broken_file_is_refused_with_every_problem_and_changes_nothing()
    {
        using var admin = await source.CreateAdminClientAsync();
        var before = Comparable(await ExportAsync(admin, "json", true));
        var countBefore = await ConfigSeed.CountAsync(source);
        var broken = JsonNode.Parse(await ExportAsync(admin, "json", true))!.AsObject();
        var monitors = broken["monitors"]!.AsArray();
        monitors[0]!["duration"] = 45;                       // a valid change to an existing monitor...
        monitors.Add(JsonNode.Parse("""{"name": "new one", "type": "tcp", "target": "127.0.0.1:80", "duration": 30}"""));
        monitors.Add(JsonNode.Parse("""{"name": "bad target", "type": "tcp", "target": "no port here", "duration": 30}"""));
        monitors.Add(JsonNode.Parse("""{"name": "typo", "type": "tcp", "target": "127.0.0.1:81", "duraton": 30}"""));
        broken["alert_rules"]!.AsArray().Add(JsonNode.Parse(
            """{"name": "ghost", "type": "service_probe", "targets": ["no such monitor"], "condition": "success == 0"}"""));
        broken["notification_groups"]!.AsArray().Add(JsonNode.Parse("""{"name": "bad mail", "emails": ["not-an-address"]}"""));

        var result = await ImportAsync(admin, broken.ToJsonString(), "json");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        var errors = result.Body["errors"]!.AsObject();
        Assert.Contains("monitors[bad target].target", errors.Select(e => e.Key));
        Assert.Contains(errors, e => e.Key.StartsWith("monitors[4]", StringComparison.Ordinal));
        Assert.Contains("alert_rules[ghost].targets", errors.Select(e => e.Key));
        Assert.Contains("notification_groups[bad mail].emails", errors.Select(e => e.Key));
        Assert.True(JsonNode.DeepEquals(before, Comparable(await ExportAsync(admin, "json", true))), "a refused import changed the configuration");
        Assert.Equal(countBefore, await ConfigSeed.CountAsync(source));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_changes_nothing()
    {
        using var admin = await source.CreateAdminClientAsync();
        var document = JsonNode.Parse(await ExportAsync(admin, "json", false))!.AsObject();
        document["host_groups"]!.AsArray().Add(JsonNode.Parse("""{"name": "dry-run group"}"""));
        var countBefore = await ConfigSeed.CountAsync(source);

        using var response = await admin.PostAsync("/api/v1/config/import?dry_run=true", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Sum(body, "created"));
        Assert.False(body["data"]!["applied"]!.GetValue<bool>());
        Assert.Equal(countBefore, await ConfigSeed.CountAsync(source));
    }

    [Theory]
    [InlineData("""{"format": "something-else", "version": 1}""", "format")]
    [InlineData("""{"format": "probedashboard-config", "version": 99}""", "version")]
    [InlineData("""{"format": "probedashboard-config", "version": 1, "monitors": {"a": 1}}""", "monitors")]
    [InlineData("""{"format": "probedashboard-config", "version": 1, "widgets": []}""", "widgets")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""{"format": """, "body")]
    [InlineData("""{"format": "probedashboard-config", "version": 1, "monitors": [{"name": "a", "name": "b"}]}""", "body")]
    [InlineData("format: probedashboard-config\nversion: 1\nversion: 2\n", "body", "yaml")]
    public async Task Malformed_documents_get_400_in_the_envelope(string document, string field, string format = "json")
    {
        using var admin = await source.CreateAdminClientAsync();
        var result = await ImportAsync(admin, document, format);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(400, result.Body["code"]!.GetValue<int>());
        Assert.NotNull(result.Body["errors"]![field]);
    }

    [Fact]
    public async Task Only_administrators_export_and_import()
    {
        using var operatorClient = await source.CreateClientAsync(UserRole.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/api/v1/config/export")).StatusCode);
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync("/api/v1/config/import", content)).StatusCode);
        using var anonymous = source.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/config/export")).StatusCode);
    }

    private static async Task<string> ExportAsync(HttpClient client, string format, bool includeSecrets)
    {
        using var response = await client.GetAsync($"/api/v1/config/export?format={format}&include_secrets={(includeSecrets ? "true" : "false")}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ImportAsync(HttpClient client, string document, string format)
    {
        using var content = new StringContent(document, Encoding.UTF8, format == "yaml" ? "application/yaml" : "application/json");
        using var response = await client.PostAsync("/api/v1/config/import", content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The document without the moment it was made.</summary>
    private static JsonNode Comparable(string exported)
    {
        var document = JsonNode.Parse(exported)!.AsObject();
        document.Remove("exported_at");
        return document;
    }

    private static int Sum(JsonNode body, string field) =>
        body["data"]!["sections"]!.AsArray().Sum(s => s![field]!.GetValue<int>());
}
