using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications.Webhook;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Notifications;

/// <summary>A webhook's own body template, content type and extra headers, sent to a real receiver on 127.0.0.1.</summary>
public class WebhookTemplatesApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private const string Secret = "hmac-s3cr3t";
    private const string Token = "Bearer t0ken-s3cr3t";

    private static object Webhook(string url, string? template = null, string? contentType = null, object[]? headers = null, string? secret = Secret) => new
    {
        url, secret, body_template = template, content_type = contentType,
        headers = headers ?? [new { name = "X-Team", value = "ops" }, new { name = "Authorization", value = Token, secret = true }],
    };

    private async Task<int> CreateAsync(HttpClient client, string name, params object[] webhooks)
    {
        using var created = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new { name, webhooks }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_rendered_json_body_its_content_type_and_headers_arrive_signed_with_names_escaped_for_json()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        const string template = """
            {"text": "{{ event.title }}|{{ event.level }}", "target": "{{ event.target_name }}", "status": "{{ event.status }}",
             "value": {{ event.current_value | raw }}, "since": "{{ event.trigger_time }}", "link": "{{ event.url }}", "purpose": "{{ event.purpose }}"}
            """;
        var group = await CreateAsync(client, "templated hook", Webhook(receiver.Url + "/hook", template, "application/vnd.ops+json"));

        var (_, fired) = await ChannelSamples.FireAsync(factory, group, "web \"quoted\" \\ <b>");
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the templated webhook");

        var request = receiver.Requests.Single();
        Assert.Equal("/hook", request.Path);
        Assert.Equal("application/vnd.ops+json", request.Headers["Content-Type"]);
        Assert.Equal("ops", request.Headers["X-Team"]);
        Assert.Equal(Token, request.Headers["Authorization"]);
        Assert.Equal(WebhookChannel.Sign(Secret, Encoding.UTF8.GetBytes(request.Body)), request.Headers[WebhookChannel.SignatureHeader]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal($"{fired.Title}|{AlertNames.Of(fired.Level)}", body.GetProperty("text").GetString());
        Assert.Equal("web \"quoted\" \\ <b>", body.GetProperty("target").GetString());
        Assert.Equal("firing", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("value").ValueKind);
        Assert.Equal($"http://dashboard.test/alerts/{fired.Id}", body.GetProperty("link").GetString());
        Assert.Equal("fired", body.GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task A_plain_text_template_goes_out_as_rendered_and_a_webhook_without_one_keeps_the_standard_payload()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var group = await CreateAsync(client, "plain hook",
            Webhook(receiver.Url + "/text", "{{ event.title }}|{{ event.level }}", "text/plain; charset=utf-8", secret: null,
                headers: [new { name = "X-Team", value = "ops" }, new { name = "Content-Language", value = "zh-Hans" }]),
            Webhook(receiver.Url + "/standard", headers: []));

        var (_, fired) = await ChannelSamples.FireAsync(factory, group, "plain <web>");
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "both webhooks");

        var text = receiver.Requests.Single(r => r.Path == "/text");
        Assert.Equal($"{fired.Title}|critical", text.Body);
        Assert.Equal("text/plain; charset=utf-8", text.Headers["Content-Type"]);
        Assert.False(text.Headers.ContainsKey(WebhookChannel.SignatureHeader));
        Assert.Equal("zh-Hans", text.Headers["Content-Language"]);
        var standard = receiver.Requests.Single(r => r.Path == "/standard");
        Assert.Equal("application/json; charset=utf-8", standard.Headers["Content-Type"]);
        Assert.Equal("alert_fired", JsonDocument.Parse(standard.Body).RootElement.GetProperty("type").GetString());
        Assert.False(standard.Headers.ContainsKey("X-Team"));
    }

    [Fact]
    public async Task Secret_header_values_are_stored_encrypted_never_shown_and_kept_when_an_update_leaves_them_out()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var group = await CreateAsync(client, "secret headers", Webhook(receiver.Url, "{{ event.purpose }}", "text/plain"));

        var shown = await client.GetStringAsync($"/api/v1/notification-groups/{group}");
        Assert.DoesNotContain("t0ken", shown);
        var headers = JsonNode.Parse(shown)!["data"]!["webhooks"]![0]!["headers"]!.AsArray();
        Assert.Equal("ops", headers[0]!["value"]!.GetValue<string>());
        Assert.True(headers[1]!["secret"]!.GetValue<bool>());
        Assert.Null(headers[1]!["value"]);
        await using (var db = factory.Feed.Db())
            Assert.DoesNotContain("t0ken", await db.NotificationRecipients.Where(r => r.NotificationGroupId == group).Select(r => r.HeadersJson).SingleAsync());

        using var updated = await client.PutAsync($"/api/v1/notification-groups/{group}", ApiJson.Content(new
        {
            name = "secret headers",
            webhooks = new[] { Webhook(receiver.Url, "{{ event.purpose }}", "text/plain", [new { name = "Authorization", secret = true }]) },
        }));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var test = await client.PostAsync($"/api/v1/notification-groups/{group}/test", null);
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the test message");

        var request = receiver.Requests.Single();
        Assert.Equal("test", request.Body);
        Assert.Equal(Token, request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("X-Team"));
    }

    [Theory]
    [InlineData("""{"body_template": "{\"a\": 1}\n{{ event.title | }}"}""", "webhooks[0].body_template", "line 2")]
    [InlineData("""{"content_type": "not a type"}""", "webhooks[0].content_type", "media type")]
    [InlineData("""{"headers": [{"name": "Host", "value": "x"}]}""", "webhooks[0].headers[0].name", "cannot be set")]
    [InlineData("""{"headers": [{"name": "Transfer-Encoding", "value": "chunked"}]}""", "webhooks[0].headers[0].name", "cannot be set")]
    [InlineData("""{"headers": [{"name": "Bad Name", "value": "x"}]}""", "webhooks[0].headers[0].name", "not a header name")]
    [InlineData("""{"headers": [{"name": "X-A", "value": "x\r\nInjected: 1"}]}""", "webhooks[0].headers[0].value", "line break")]
    [InlineData("""{"headers": [{"name": "X-A"}]}""", "webhooks[0].headers[0].value", "required")]
    [InlineData("""{"headers": [{"name": "X-Key", "secret": true}]}""", "webhooks[0].headers[0].value", "required")]
    [InlineData("""{"headers": [{"name": "X-A", "value": "1"}, {"name": "x-a", "value": "2"}]}""", "webhooks[0].headers[1].name", "twice")]
    public async Task Bad_webhook_settings_are_a_400_naming_the_field_and_nothing_is_saved(string settings, string field, string words)
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        var webhook = JsonNode.Parse(settings)!.AsObject();
        webhook["url"] = "http://127.0.0.1:9/hook";
        var name = $"refused {Guid.NewGuid():N}";
        using var refused = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new { name, webhooks = new[] { webhook } }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(words, message);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/v1/notification-groups"));
    }

    [Fact]
    public async Task Preview_shows_the_webhook_body_escaped_for_its_content_type_and_says_when_json_is_not_json()
    {
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var json = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new
        {
            channel = "webhook", webhook_body_template = """{"t": "{{ event.target_name }}", "m": "{{ message.title }}"}""",
        }));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var preview = (await json.JsonAsync()).GetProperty("data");
        Assert.Equal("application/json", preview.GetProperty("content_type").GetString());
        var payload = JsonDocument.Parse(preview.GetProperty("payload").GetString()!).RootElement;
        Assert.Equal("api <prod>", payload.GetProperty("t").GetString());
        Assert.Equal("[FIRING] api <prod> is down", payload.GetProperty("m").GetString());
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("payload_problem").ValueKind);

        using var broken = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new
        {
            channel = "webhook", webhook_body_template = """{"t": {{ event.target_name }}}""",
        }));
        Assert.Contains("not valid JSON", (await broken.JsonAsync()).GetProperty("data").GetProperty("payload_problem").GetString());

        using var xml = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new
        {
            channel = "webhook", webhook_body_template = "<name>{{ event.target_name }}</name>", content_type = "application/xml",
        }));
        Assert.Equal("<name>api &lt;prod&gt;</name>", (await xml.JsonAsync()).GetProperty("data").GetProperty("payload").GetString());

        using var standard = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new { channel = "webhook" }));
        Assert.Contains("\"alert_fired\"", (await standard.JsonAsync()).GetProperty("data").GetProperty("payload").GetString());

        foreach (var (body, field) in new (object, string)[]
        {
            (new { channel = "webhook", webhook_body_template = "{% for %}" }, "webhook_body_template"),
            (new { channel = "slack", webhook_body_template = "{{ event.title }}" }, "webhook_body_template"),
            (new { channel = "webhook", content_type = "json" }, "content_type"),
        })
        {
            using var refused = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Export_carries_templates_and_headers_with_secret_values_only_when_asked_and_a_reimport_changes_nothing()
    {
        using var operatorClient = await factory.CreateClientAsync(UserRole.Operator);
        await CreateAsync(operatorClient, "exported hook", Webhook("http://127.0.0.1:9/hook", "{{ event.title }}", "text/plain"));
        using var admin = await factory.CreateAdminClientAsync();

        var plain = await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=false");
        var withSecrets = await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=true");
        var hook = JsonNode.Parse(plain)!["notification_groups"]!.AsArray().Single(g => g!["name"]!.GetValue<string>() == "exported hook")!["webhooks"]![0]!;
        Assert.Equal("{{ event.title }}", hook["body_template"]!.GetValue<string>());
        Assert.Equal("text/plain", hook["content_type"]!.GetValue<string>());
        Assert.Equal("ops", hook["headers"]![0]!["value"]!.GetValue<string>());
        Assert.DoesNotContain("t0ken", plain);
        Assert.Contains("t0ken", withSecrets);

        using var content = new StringContent(plain, Encoding.UTF8, "application/json");
        using var imported = await admin.PostAsync("/api/v1/config/import", content);
        var body = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!;
        Assert.True(imported.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(0, body["data"]!["sections"]!.AsArray().Sum(s => s!["updated"]!.GetValue<int>() + s["created"]!.GetValue<int>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(withSecrets)!["notification_groups"],
            JsonNode.Parse(await admin.GetStringAsync("/api/v1/config/export?format=json&include_secrets=true"))!["notification_groups"]),
            "a re-import without secrets changed the stored webhooks");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_webhook_template_content_type_and_headers()
    {
        using var anonymous = factory.CreateClient();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/openapi.json"));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var webhook = schemas.GetProperty("WebhookInput").GetProperty("properties");
        Assert.Contains("Liquid", webhook.GetProperty("body_template").GetProperty("description").GetString());
        Assert.Contains("application/json", webhook.GetProperty("content_type").GetProperty("description").GetString());
        Assert.Contains("Host", webhook.GetProperty("headers").GetProperty("description").GetString());
        Assert.Contains("write-only", schemas.GetProperty("WebhookHeaderInput").GetProperty("properties").GetProperty("secret").GetProperty("description").GetString());
        Assert.True(schemas.GetProperty("WebhookOutput").GetProperty("properties").TryGetProperty("headers", out _));
        Assert.True(schemas.GetProperty("TemplatePreviewRequest").GetProperty("properties").TryGetProperty("webhook_body_template", out _));
        Assert.True(schemas.GetProperty("TemplatePreview").GetProperty("properties").TryGetProperty("payload_problem", out _));
    }
}
