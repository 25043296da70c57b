using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Monitors.Dependencies;

/// <summary>depends_on on the wire: stored and shown, unknown ids, itself and cycles refused naming the cycle, export/import by name.</summary>
public class DependsOnApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static Dictionary<string, object?> Child(string name, params int[] parents)
    {
        var body = Minimal(name);
        body["depends_on"] = parents;
        return body;
    }

    [Fact]
    public async Task A_monitor_keeps_the_monitors_it_depends_on_and_shows_them_in_its_detail()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var uplink = await CreateAsync(client, Minimal("dep uplink"));
        var router = await CreateAsync(client, Minimal("dep router"));
        var id = await CreateAsync(client, Child("dep shop", router, uplink, uplink));

        var detail = (await (await client.GetAsync($"{BasePath}/{id}")).JsonAsync()).GetProperty("data");
        Assert.Equal(new[] { uplink, router }.Order(), detail.GetProperty("depends_on").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Unknown_ids_are_400_naming_them_and_nothing_is_saved()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.Monitors.CountAsync());

        using var response = await client.PostAsync(BasePath, ApiJson.Content(Child("dep orphan", 987654)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("depends_on")[0].GetString();
        Assert.Equal("unknown monitor ids: 987654", message);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Monitors.CountAsync()));
    }

    [Fact]
    public async Task Depending_on_itself_or_closing_a_cycle_is_400_naming_the_cycle_and_changes_nothing()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var web = await CreateAsync(client, Minimal("cycle web"));
        var db = await CreateAsync(client, Child("cycle db", web));
        var disk = await CreateAsync(client, Child("cycle disk", db));

        Assert.Equal("a monitor cannot depend on itself: cycle web → cycle web", await RefusedAsync(client, web, Child("cycle web", web)));
        Assert.Equal("would make a cycle: cycle web → cycle disk → cycle db → cycle web", await RefusedAsync(client, web, Child("cycle web", disk)));

        var stored = (await (await client.GetAsync($"{BasePath}/{web}")).JsonAsync()).GetProperty("data");
        Assert.Empty(stored.GetProperty("depends_on").EnumerateArray());
    }

    [Fact]
    public async Task Export_writes_names_and_import_maps_them_to_the_new_ids_even_for_a_parent_later_in_the_file()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        var parent = await CreateAsync(admin, Minimal("moved uplink"));
        await CreateAsync(admin, Child("moved shop", parent));

        var export = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!;
        var shop = export["monitors"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "moved shop")!.DeepClone();
        Assert.Equal(["moved uplink"], shop["depends_on"]!.AsArray().Select(n => n!.GetValue<string>()));
        var uplink = export["monitors"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "moved uplink")!.DeepClone();
        (shop["name"], uplink["name"]) = ("copied shop", "copied uplink");
        shop["depends_on"] = new JsonArray("copied uplink");
        var document = new JsonObject { ["format"] = "probedashboard-config", ["version"] = 1, ["monitors"] = new JsonArray(shop, uplink) }.ToJsonString();

        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var (copiedShop, copiedUplink) = await factory.WithDbAsync(async db => (
            await db.Monitors.SingleAsync(m => m.Name == "copied shop"), await db.Monitors.SingleAsync(m => m.Name == "copied uplink")));
        Assert.Equal([copiedUplink.Id], copiedShop.DependsOn);
    }

    [Fact]
    public async Task Import_naming_a_monitor_that_does_not_exist_is_an_error_of_that_item()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        var item = new JsonObject { ["name"] = "lonely", ["type"] = "icmp", ["target"] = "127.0.0.1", ["duration"] = 30, ["depends_on"] = new JsonArray("nobody") };
        var document = new JsonObject { ["format"] = "probedashboard-config", ["version"] = 1, ["monitors"] = new JsonArray(item) }.ToJsonString();

        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        Assert.Contains("nobody", await imported.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.Monitors.AnyAsync(m => m.Name == "lonely")));
    }

    private static async Task<string?> RefusedAsync(HttpClient client, int id, Dictionary<string, object?> body)
    {
        using var response = await client.PutAsync($"{BasePath}/{id}", ApiJson.Content(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("errors").GetProperty("depends_on")[0].GetString();
    }
}
