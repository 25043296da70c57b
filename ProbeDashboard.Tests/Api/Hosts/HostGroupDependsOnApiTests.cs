using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.ApiDocs;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;
using static ProbeDashboard.Tests.Api.Monitors.MonitorTestData;

namespace ProbeDashboard.Tests.Api.Hosts;

/// <summary>
/// depends_on of host groups on the wire: created and replaced, unknown ids refused naming them with nothing saved,
/// kept when a rename omits it, viewers and anonymous callers refused, documented, and exported/imported by names.
/// </summary>
public class HostGroupDependsOnApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string GroupsPath = "/api/v1/host-groups";

    private static async Task<JsonElement> GroupAsync(HttpClient client, int id) =>
        (await (await client.GetAsync(GroupsPath)).JsonAsync()).GetProperty("data").EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == id);

    private static int[] DependsOn(JsonElement group) => [.. group.GetProperty("depends_on").EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public async Task A_group_is_created_with_its_dependencies_replaces_them_and_keeps_them_when_a_rename_omits_them()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var uplink = await CreateAsync(client, Minimal("hg uplink"));
        var router = await CreateAsync(client, Minimal("hg router"));

        using var created = await client.PostAsync(GroupsPath, ApiJson.Content(new { name = "hg site-a", depends_on = new[] { router, uplink, uplink } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetInt32();
        Assert.Equal(new[] { uplink, router }.Order(), DependsOn(data));

        using var replaced = await client.PutAsync($"{GroupsPath}/{id}", ApiJson.Content(new { name = "hg site-a", depends_on = new[] { uplink } }));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal([uplink], DependsOn((await replaced.JsonAsync()).GetProperty("data")));

        using var renamed = await client.PutAsync($"{GroupsPath}/{id}", ApiJson.Content(new { name = "hg site-b" }));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var listed = await GroupAsync(client, id);
        Assert.Equal("hg site-b", listed.GetProperty("name").GetString());
        Assert.Equal([uplink], DependsOn(listed));

        using var cleared = await client.PutAsync($"{GroupsPath}/{id}", ApiJson.Content(new { name = "hg site-b", depends_on = Array.Empty<int>() }));
        Assert.Empty(DependsOn(await GroupAsync(client, id)));
    }

    [Fact]
    public async Task Unknown_monitor_ids_are_400_naming_them_and_neither_create_nor_update_saves_anything()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var before = await factory.WithDbAsync(db => db.HostGroups.CountAsync());

        using var refused = await client.PostAsync(GroupsPath, ApiJson.Content(new { name = "hg orphan", depends_on = new[] { 987654 } }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("unknown monitor ids: 987654", (await refused.JsonAsync()).GetProperty("errors").GetProperty("depends_on")[0].GetString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.HostGroups.CountAsync()));

        using var created = await client.PostAsync(GroupsPath, ApiJson.Content(new { name = "hg kept" }));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        using var update = await client.PutAsync($"{GroupsPath}/{id}", ApiJson.Content(new { name = "hg renamed too", depends_on = new[] { 987655 } }));
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Contains("987655", await update.Content.ReadAsStringAsync());
        var stored = await GroupAsync(client, id);
        Assert.Equal(("hg kept", 0), (stored.GetProperty("name").GetString(), DependsOn(stored).Length));
    }

    [Fact]
    public async Task Viewers_are_403_and_anonymous_callers_401()
    {
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        var uplink = await CreateAsync(operatorClient, Minimal("hg viewer uplink"));
        using var created = await operatorClient.PostAsync(GroupsPath, ApiJson.Content(new { name = "hg viewer" }));
        var id = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var anonymous = factory.CreateClient();
        var body = new { name = "hg viewer", depends_on = new[] { uplink } };

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync($"{GroupsPath}/{id}", ApiJson.Content(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync($"{GroupsPath}/{id}", ApiJson.Content(body))).StatusCode);
        Assert.Empty(DependsOn(await GroupAsync(viewer, id)));
    }

    [Fact]
    public async Task The_openapi_document_describes_depends_on_of_host_groups()
    {
        using var client = factory.CreateClient();
        var view = OpenApiView.Parse(await client.GetStringAsync("/api/v1/openapi.json"));

        var update = Assert.Single(view.Operations, o => o.Method == "PUT" && o.Path == "/api/v1/host-groups/{id}");
        Assert.Contains(update.Responses, r => r.Status == "400");
        Assert.Contains(Assert.Single(view.Schemas, s => s.Name == "HostGroupRequest").Properties, p => p.Name == "depends_on");
        Assert.Contains(Assert.Single(view.Schemas, s => s.Name == "HostGroupResponse").Properties, p => p.Name == "depends_on");
        Assert.Contains("suppressed", await client.GetStringAsync("/api/v1/openapi.json"));
    }

    [Fact]
    public async Task Export_names_the_monitors_and_import_maps_them_to_the_ids_of_the_target_server()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        var uplink = await CreateAsync(admin, Minimal("hg exported uplink"));
        using var created = await admin.PostAsync(GroupsPath, ApiJson.Content(new { name = "hg exported", depends_on = new[] { uplink } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var export = JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json"))!;
        var item = export["host_group_dependencies"]!.AsArray().Single(i => i!["host_group"]!.GetValue<string>() == "hg exported")!;
        Assert.Equal(["hg exported uplink"], item["depends_on"]!.AsArray().Select(n => n!.GetValue<string>()));

        // Another server: a group and a monitor of other names (so other ids), the monitor later in the file.
        var monitor = new JsonObject { ["name"] = "hg copied uplink", ["type"] = "icmp", ["target"] = "127.0.0.1", ["duration"] = 30 };
        var document = new JsonObject
        {
            ["format"] = "probedashboard-config", ["version"] = 1,
            ["host_groups"] = new JsonArray(new JsonObject { ["name"] = "hg copied" }),
            ["host_group_dependencies"] = new JsonArray(new JsonObject { ["host_group"] = "hg copied", ["depends_on"] = new JsonArray("hg copied uplink") }),
            ["monitors"] = new JsonArray(monitor),
        }.ToJsonString();
        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var (group, copied) = await factory.WithDbAsync(async db => (
            await db.HostGroups.SingleAsync(g => g.Name == "hg copied"), await db.Monitors.SingleAsync(m => m.Name == "hg copied uplink")));
        Assert.Equal([copied.Id], group.DependsOn);
    }

    [Fact]
    public async Task Import_naming_an_unknown_monitor_or_group_is_an_error_of_that_item_and_saves_nothing()
    {
        using var admin = await factory.CreateClientAsync(UserRole.Admin);
        var document = new JsonObject
        {
            ["format"] = "probedashboard-config", ["version"] = 1,
            ["host_groups"] = new JsonArray(new JsonObject { ["name"] = "hg lonely" }),
            ["host_group_dependencies"] = new JsonArray(
                new JsonObject { ["host_group"] = "hg lonely", ["depends_on"] = new JsonArray("nobody by that name") },
                new JsonObject { ["host_group"] = "no such group", ["depends_on"] = new JsonArray() }),
        }.ToJsonString();

        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var body = await imported.Content.ReadAsStringAsync();
        Assert.Contains("nobody by that name", body);
        Assert.Contains("no such group", body);
        Assert.False(await factory.WithDbAsync(db => db.HostGroups.AnyAsync(g => g.Name == "hg lonely")));
    }
}
