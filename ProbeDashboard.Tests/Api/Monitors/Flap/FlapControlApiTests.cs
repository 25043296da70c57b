using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors.Flap;

/// <summary>retry_interval and upside_down on the wire: create, detail, list, update, bad input, export/import, OpenAPI.</summary>
public class FlapControlApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "retry_interval above duration", """{"name": "x", "type": 2, "target": "127.0.0.1:9", "duration": 30, "retry_interval": 31}""", "retry_interval" },
        { "retry_interval below the minimum interval", """{"name": "x", "type": 2, "target": "127.0.0.1:9", "duration": 30, "retry_interval": 1}""", "retry_interval" },
        { "retry_interval as text", """{"name": "x", "type": 2, "target": "127.0.0.1:9", "duration": 30, "retry_interval": "10"}""", "retry_interval" },
        { "upside_down as text", """{"name": "x", "type": 2, "target": "127.0.0.1:9", "duration": 30, "upside_down": "yes"}""", "upside_down" },
        { "retry_interval on a push monitor", """{"name": "x", "type": 5, "push": {"period": 300}, "retry_interval": 60}""", "retry_interval" },
        { "upside_down on a push monitor", """{"name": "x", "type": 5, "push": {"period": 300}, "upside_down": true}""", "upside_down" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_flap_settings_are_400_naming_the_field_and_store_nothing(string why, string body, string field)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Raw(body));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        var json = await response.JsonAsync();
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var problems), $"{why}: {json}");
        Assert.NotEmpty(problems.EnumerateArray());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }

    [Fact]
    public async Task Retry_interval_defaults_to_duration_and_both_settings_show_in_detail_list_and_update()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var plainId = await CreateAsync(client, Minimal("flap plain"));
        var plain = await DataAsync(await client.GetAsync($"{BasePath}/{plainId}"));
        Assert.Equal((30, false), (plain.GetProperty("retry_interval").GetInt32(), plain.GetProperty("upside_down").GetBoolean()));

        var body = Minimal("flap closed port", type: 2, target: "127.0.0.1:9");
        body["retry_interval"] = 10;
        body["upside_down"] = true;
        var id = await CreateAsync(client, body);
        var detail = await DataAsync(await client.GetAsync($"{BasePath}/{id}"));
        Assert.Equal((10, true), (detail.GetProperty("retry_interval").GetInt32(), detail.GetProperty("upside_down").GetBoolean()));

        var list = await DataAsync(await client.GetAsync($"{BasePath}?search=flap%20closed&page_size=100"));
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal((10, true), (item.GetProperty("retry_interval").GetInt32(), item.GetProperty("upside_down").GetBoolean()));

        // A full update without them goes back to the defaults: retry at the (new) duration, not inverted.
        body.Remove("retry_interval");
        body.Remove("upside_down");
        body["duration"] = 45;
        var updated = await DataAsync(await client.PutAsync($"{BasePath}/{id}", ApiJson.Content(body)));
        Assert.Equal((45, false), (updated.GetProperty("retry_interval").GetInt32(), updated.GetProperty("upside_down").GetBoolean()));
        Assert.Null(await factory.WithDbAsync(db => db.Monitors.Where(m => m.Id == id).Select(m => m.RetryIntervalSeconds).SingleAsync()));
    }

    [Fact]
    public async Task Export_and_import_keep_retry_interval_and_upside_down()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        var body = Minimal("flap exported", type: 2, target: "127.0.0.1:9");
        body["retry_interval"] = 15;
        body["upside_down"] = true;
        await CreateAsync(admin, body);

        var export = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!;
        var item = export["monitors"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "flap exported")!.DeepClone();
        Assert.Equal((15, true), (item["retry_interval"]!.GetValue<int>(), item["upside_down"]!.GetValue<bool>()));
        item["name"] = "flap imported";
        var document = new JsonObject { ["format"] = "probedashboard-config", ["version"] = 1, ["monitors"] = new JsonArray(item) }.ToJsonString();
        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var stored = await factory.WithDbAsync(db => db.Monitors.SingleAsync(m => m.Name == "flap imported"));
        Assert.Equal((15, true), (stored.RetryIntervalSeconds, stored.UpsideDown));
    }

    [Fact]
    public async Task The_openapi_document_describes_both_fields_of_the_request_and_the_response()
    {
        using var client = factory.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json"))!;
        var schemas = document["components"]!["schemas"]!;
        foreach (var schema in new[] { "MonitorRequest", "MonitorResponse", "MonitorListItem" })
        {
            var properties = schemas[schema]!["properties"]!.AsObject();
            Assert.True(properties.ContainsKey("retry_interval"), schema);
            Assert.True(properties.ContainsKey("upside_down"), schema);
        }
    }

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var json = await response.JsonAsync();
            Assert.True(response.IsSuccessStatusCode, json.ToString());
            return json.GetProperty("data");
        }
    }
}
