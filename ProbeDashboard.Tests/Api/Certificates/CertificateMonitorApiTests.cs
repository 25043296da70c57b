using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Certificates;

/// <summary>TLS monitors (type 6), tls_expiry_days and http.ignore_tls_errors on the wire: create, detail, filters, bad input, export/import.</summary>
public class CertificateMonitorApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static Dictionary<string, object?> TlsMonitor(string name, object? thresholds = null)
    {
        var body = Minimal(name, type: 6, target: "127.0.0.1:465");
        if (thresholds is not null) body["tls_expiry_days"] = thresholds;
        return body;
    }

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public async Task A_tls_monitor_is_created_with_the_default_thresholds_and_found_by_its_type()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, TlsMonitor("smtps"));

        var detail = await DataAsync(await client.GetAsync($"{BasePath}/{id}"));
        Assert.Equal(6, detail.GetProperty("type").GetInt32());
        Assert.Equal([21, 14, 7], detail.GetProperty("tls_expiry_days").EnumerateArray().Select(d => d.GetInt32()));
        Assert.False(detail.TryGetProperty("certificate", out _), "no certificate before any probe saw one");

        var byName = await DataAsync(await client.GetAsync($"{BasePath}?type=tls&page_size=100"));
        var byNumber = await DataAsync(await client.GetAsync($"{BasePath}?type=6&page_size=100"));
        foreach (var list in new[] { byName, byNumber })
        {
            var items = list.GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, m => m.GetProperty("id").GetInt32() == id);
            Assert.All(items, m => Assert.Equal(6, m.GetProperty("type").GetInt32()));
        }
    }

    [Fact]
    public async Task The_detail_shows_the_latest_certificate_with_days_left()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var body = Minimal("https shop", type: 1, target: "https://127.0.0.1:9/health");
        body["tls_expiry_days"] = new[] { 30, 10 };
        body["http"] = new Dictionary<string, object?> { ["ignore_tls_errors"] = true };
        var id = await CreateAsync(client, body);
        var seeded = await EnsureHostsAsync(factory);
        var now = DateTime.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            var older = Result(id, seeded.ServerId, now.AddMinutes(-10), success: true);
            older.CertificateExpiresAt = now.AddDays(3);
            var latest = Result(id, seeded.ServerId, now.AddMinutes(-5), success: true);
            (latest.CertificateExpiresAt, latest.CertificateSubject, latest.CertificateIssuer) = (now.AddDays(12.5), "CN=shop.example", "CN=Test CA");
            db.ProbeResults.AddRange(older, latest);
            await db.SaveChangesAsync();
        });

        var detail = await DataAsync(await client.GetAsync($"{BasePath}/{id}"));

        Assert.Equal([30, 10], detail.GetProperty("tls_expiry_days").EnumerateArray().Select(d => d.GetInt32()));
        Assert.True(detail.GetProperty("http").GetProperty("ignore_tls_errors").GetBoolean());
        var certificate = detail.GetProperty("certificate");
        Assert.Equal(("CN=shop.example", "CN=Test CA", 12), (certificate.GetProperty("subject").GetString(),
            certificate.GetProperty("issuer").GetString(), certificate.GetProperty("days_left").GetInt32()));
        Assert.Equal(now.AddDays(12.5), certificate.GetProperty("expires_at").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Monitors_that_see_no_certificate_carry_no_thresholds()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var id = await CreateAsync(client, Minimal("plain tcp", type: 2, target: "127.0.0.1:22"));
        var detail = await DataAsync(await client.GetAsync($"{BasePath}/{id}"));
        Assert.False(detail.TryGetProperty("tls_expiry_days", out _));
        Assert.False(detail.TryGetProperty("certificate", out _));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "TLS target without a port", """{"name": "x", "type": 6, "target": "mail.a.test", "duration": 30}""", "target" },
        { "TLS target with a scheme", """{"name": "x", "type": "tls", "target": "https://mail.a.test:465", "duration": 30}""", "target" },
        { "threshold of zero days", """{"name": "x", "type": 6, "target": "mail.a.test:465", "duration": 30, "tls_expiry_days": [14, 0]}""", "tls_expiry_days" },
        { "threshold beyond a year", """{"name": "x", "type": 6, "target": "mail.a.test:465", "duration": 30, "tls_expiry_days": [400]}""", "tls_expiry_days" },
        { "thresholds as text", """{"name": "x", "type": 6, "target": "mail.a.test:465", "duration": 30, "tls_expiry_days": "21,14"}""", "tls_expiry_days" },
        { "too many thresholds", """{"name": "x", "type": 6, "target": "mail.a.test:465", "duration": 30, "tls_expiry_days": [1,2,3,4,5,6,7,8,9,10,11]}""", "tls_expiry_days" },
        { "ignore_tls_errors as text", """{"name": "x", "type": 1, "target": "https://a.test", "duration": 30, "http": {"ignore_tls_errors": "yes"}}""", "http.ignore_tls_errors" },
        { "http options on a TLS monitor", """{"name": "x", "type": 6, "target": "mail.a.test:465", "duration": 30, "http": {"ignore_tls_errors": true}}""", "http" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_certificate_settings_are_400_naming_the_field_and_store_nothing(string why, string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Raw(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"{why}: {json}");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }

    [Fact]
    public async Task Export_and_import_keep_the_type_and_the_thresholds()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        await CreateAsync(admin, TlsMonitor("moved ldaps", new[] { 20, 5 }));

        var export = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!;
        var item = export["monitors"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "moved ldaps")!;
        Assert.Equal("tls", item["type"]!.GetValue<string>());
        Assert.Equal("[20,5]", item["tls_expiry_days"]!.ToJsonString());

        var copy = item.DeepClone();
        copy["name"] = "imported ldaps";
        var document = new JsonObject { ["format"] = "probedashboard-config", ["version"] = 1, ["monitors"] = new JsonArray(copy) }.ToJsonString();
        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var stored = await factory.WithDbAsync(db => db.Monitors.SingleAsync(m => m.Name == "imported ldaps"));
        Assert.Equal((ProbeDashboard.Core.Monitors.MonitorKind.Tls, "127.0.0.1:465"), (stored.Kind, stored.Target));
        Assert.Equal([20, 5], stored.TlsExpiryDays);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_new_fields()
    {
        using var anonymous = factory.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/openapi.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty("MonitorRequest").GetProperty("properties");
        Assert.True(request.TryGetProperty("tls_expiry_days", out _), request.ToString());
        Assert.True(request.TryGetProperty("dns", out _), request.ToString());
        Assert.True(schemas.GetProperty("HttpOptionsWire").GetProperty("properties").TryGetProperty("ignore_tls_errors", out _));
        var response = schemas.GetProperty("MonitorResponse").GetProperty("properties");
        Assert.True(response.TryGetProperty("certificate", out _), response.ToString());
        Assert.True(schemas.GetProperty("CertificateWire").GetProperty("properties").TryGetProperty("days_left", out _));
    }
}
