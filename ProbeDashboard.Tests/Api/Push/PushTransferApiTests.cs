using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Push;

/// <summary>Push monitors in the configuration export and import: the schedule always, the token only with secrets.</summary>
public class PushTransferApiTests(PushTestFactory factory) : IClassFixture<PushTestFactory>
{
    [Fact]
    public async Task An_export_with_secrets_moves_a_push_monitor_with_its_token_and_one_without_does_not_name_it()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var (id, url) = await factory.CreatePushMonitorAsync(admin, new { cron = "30 2 * * 1-5", timezone = "Asia/Shanghai", grace = 900 }, "moved backup");

        var plain = Item(await admin.GetStringAsync("/api/v1/config/export?format=json"));
        var secret = Item(await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=true"));

        Assert.Equal("push", plain["type"]!.GetValue<string>());
        Assert.Equal(("30 2 * * 1-5", "Asia/Shanghai", 900), (plain["push"]!["cron"]!.GetValue<string>(),
            plain["push"]!["timezone"]!.GetValue<string>(), plain["push"]!["grace"]!.GetValue<int>()));
        Assert.Null(plain["push"]!["token"]);
        Assert.Equal(url[^32..], secret["push"]!["token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"{PushTestFactory.BasePath}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
        var document = new JsonObject { ["format"] = "probedashboard-config", ["version"] = 1, ["monitors"] = new JsonArray(secret.DeepClone()) }.ToJsonString();
        using var imported = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_imported_token_that_is_malformed_is_refused_with_its_field()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var document = """{"format": "probedashboard-config", "version": 1, "monitors": [{"name": "bad token", "type": "push", "push": {"period": 300, "token": "nope"}}]}""";

        using var response = await admin.PostAsync("/api/v1/config/import", new StringContent(document, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("push.token", await response.Content.ReadAsStringAsync());
    }

    private static JsonNode Item(string export) =>
        JsonNode.Parse(export)!["monitors"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "moved backup")!;
}
