using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>Service channel recipients in configuration export and import: secrets only when asked for, kept on re-import without them.</summary>
public class ChannelRecipientsTransferTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    [Fact]
    public async Task Export_carries_every_kind_with_secrets_only_when_asked_and_a_reimport_without_them_changes_nothing()
    {
        await ChannelSamples.CreateGroupAsync(factory, "exported kinds", [.. ChannelSamples.Kinds.Select(k => ChannelSamples.Recipient(k, "http://127.0.0.1:9"))]);
        using var admin = await factory.CreateAdminClientAsync();

        var plain = await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=false");
        var withSecrets = await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=true");

        var group = JsonNode.Parse(plain)!["notification_groups"]!.AsArray().Single(g => g!["name"]!.GetValue<string>() == "exported kinds")!;
        Assert.Equal(ChannelSamples.Kinds, group["recipients"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal("-100123", group["recipients"]![3]!["chat_id"]!.GetValue<string>());
        Assert.DoesNotContain(ChannelSamples.TelegramToken, plain);
        Assert.DoesNotContain(ChannelSamples.PagerDutyKey, plain);
        Assert.DoesNotContain("/services/T000", plain);
        Assert.Contains(ChannelSamples.TelegramToken, withSecrets);
        Assert.Contains(ChannelSamples.PagerDutyKey, withSecrets);
        Assert.Contains("/services/T000/B000/s3cr3t", withSecrets);

        using var content = new StringContent(plain, Encoding.UTF8, "application/json");
        using var imported = await admin.PostAsync("/api/v1/config/import", content);
        var body = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.True(imported.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(0, body["data"]!["sections"]!.AsArray().Sum(s => s!["updated"]!.GetValue<int>() + s["created"]!.GetValue<int>()));
        Assert.True(JsonNode.DeepEquals(Groups(withSecrets), Groups(await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=true"))),
            "a re-import without secrets changed the stored recipients");
    }

    private static JsonNode Groups(string exported) => JsonNode.Parse(exported)!["notification_groups"]!;

    [Fact]
    public async Task Importing_a_new_recipient_without_its_secret_is_refused_naming_the_field()
    {
        using var admin = await factory.CreateAdminClientAsync();
        var document = """{"format": "probedashboard-config", "version": 1, "notification_groups": [{"name": "no token", "recipients": [{"kind": "telegram", "chat_id": "-100123"}]}]}""";

        using var content = new StringContent(document, Encoding.UTF8, "application/json");
        using var imported = await admin.PostAsync("/api/v1/config/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(body.Contains("bot_token is required"), body);
    }
}
