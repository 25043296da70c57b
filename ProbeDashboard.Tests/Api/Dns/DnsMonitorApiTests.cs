using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Dns;

/// <summary>DNS monitors (type 4) on the wire: create with defaults, the detail's dns, filters, bad input, export/import.</summary>
public class DnsMonitorApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data");
    }

    [Fact]
    public async Task A_dns_monitor_keeps_its_query_and_fills_in_defaults()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var body = Minimal("mail exchange", type: 4, target: "probe.test");
        body["dns"] = new Dictionary<string, object?> { ["record_type"] = "mx", ["resolver"] = "127.0.0.1:5353", ["protocol"] = "TCP", ["expected"] = "mx1.probe.test" };
        var id = await CreateAsync(client, body);
        var plain = await CreateAsync(client, Minimal("plain lookup", type: 4, target: "web.probe.test"));

        var dns = (await DataAsync(await client.GetAsync($"{BasePath}/{id}"))).GetProperty("dns");
        Assert.Equal(("MX", "127.0.0.1:5353", "tcp", "mx1.probe.test"), (dns.GetProperty("record_type").GetString(),
            dns.GetProperty("resolver").GetString(), dns.GetProperty("protocol").GetString(), dns.GetProperty("expected").GetString()));
        var defaults = (await DataAsync(await client.GetAsync($"{BasePath}/{plain}"))).GetProperty("dns");
        Assert.Equal(("A", JsonValueKind.Null, "udp"), (defaults.GetProperty("record_type").GetString(),
            defaults.GetProperty("resolver").ValueKind, defaults.GetProperty("protocol").GetString()));

        var listed = await DataAsync(await client.GetAsync($"{BasePath}?type=dns&page_size=100"));
        Assert.All(listed.GetProperty("items").EnumerateArray(), m => Assert.Equal(4, m.GetProperty("type").GetInt32()));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt32() == id);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "unknown record type", """{"name": "x", "type": 4, "target": "a.test", "duration": 30, "dns": {"record_type": "AXFR"}}""", "dns.record_type" },
        { "resolver by name", """{"name": "x", "type": 4, "target": "a.test", "duration": 30, "dns": {"resolver": "dns.a.test"}}""", "dns.resolver" },
        { "resolver with a bad port", """{"name": "x", "type": 4, "target": "a.test", "duration": 30, "dns": {"resolver": "127.0.0.1:99999"}}""", "dns.resolver" },
        { "unknown protocol", """{"name": "x", "type": 4, "target": "a.test", "duration": 30, "dns": {"protocol": "doh"}}""", "dns.protocol" },
        { "name with a scheme", """{"name": "x", "type": "dns", "target": "https://a.test", "duration": 30}""", "target" },
        { "dns options on an HTTP monitor", """{"name": "x", "type": 1, "target": "http://a.test", "duration": 30, "dns": {"record_type": "A"}}""", "dns" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_dns_settings_are_400_naming_the_field_and_store_nothing(string why, string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Raw(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), why);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }

    [Fact]
    public async Task Export_and_import_keep_the_query()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        var body = Minimal("moved txt", type: 4, target: "probe.test");
        body["dns"] = new Dictionary<string, object?> { ["record_type"] = "TXT", ["expected"] = "v=spf1 -all" };
        await CreateAsync(admin, body);

        var export = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!;
        var item = export["monitors"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "moved txt")!.DeepClone();
        Assert.Equal("dns", item["type"]!.GetValue<string>());
        item["name"] = "imported txt";
        var document = new JsonObject { ["format"] = "probedashboard-config", ["version"] = 1, ["monitors"] = new JsonArray(item) }.ToJsonString();
        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var stored = await factory.WithDbAsync(db => db.Monitors.SingleAsync(m => m.Name == "imported txt"));
        Assert.Equal((MonitorKind.Dns, "TXT", "v=spf1 -all"), (stored.Kind, stored.Dns.RecordType, stored.Dns.Expected));
    }
}
