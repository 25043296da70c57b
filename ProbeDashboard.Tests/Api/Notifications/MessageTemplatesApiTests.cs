using System.Net;
using System.Text.Json;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Notifications;

public class MessageTemplatesApiTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    [Fact]
    public async Task A_group_stores_its_templates_and_a_template_that_does_not_parse_is_400_naming_field_and_line()
    {
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var bad = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "templated bad", emails = new[] { "a@example.test" }, title_template = "{{ event.title }}", body_template = "fine\n{{ event.title | }}",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var message = (await bad.JsonAsync()).GetProperty("errors").GetProperty("body_template")[0].GetString();
        Assert.Contains("line 2", message);
        var listed = (await (await client.GetAsync("/api/v1/notification-groups")).JsonAsync()).GetProperty("data");
        Assert.DoesNotContain(listed.EnumerateArray(), g => g.GetProperty("name").GetString() == "templated bad");

        using var created = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "templated", emails = new[] { "a@example.test" }, title_template = "{{ event.level | upcase }} {{ event.title }}", body_template = "{{ event.url }}",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var data = (await created.JsonAsync()).GetProperty("data");
        Assert.Equal("{{ event.level | upcase }} {{ event.title }}", data.GetProperty("title_template").GetString());
        using var cleared = await client.PutAsync($"/api/v1/notification-groups/{data.GetProperty("id").GetInt32()}", ApiJson.Content(new
        {
            name = "templated", emails = new[] { "a@example.test" },
        }));
        Assert.Equal(JsonValueKind.Null, (await cleared.JsonAsync()).GetProperty("data").GetProperty("body_template").ValueKind);
    }

    [Fact]
    public async Task Preview_renders_a_sample_event_escaped_for_the_channel_and_refuses_bad_input()
    {
        using var viewer = await factory.CreateClientAsync(UserRole.Viewer);
        using var slack = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new
        {
            title_template = "{{ event.purpose | upcase }}: {{ event.target_name }}", body_template = "*{{ event.target_name }}* since {{ event.trigger_time }}", channel = "slack",
        }));
        Assert.Equal(HttpStatusCode.OK, slack.StatusCode);
        var preview = (await slack.JsonAsync()).GetProperty("data");
        Assert.Equal("FIRED: api <prod>", preview.GetProperty("title").GetString());
        Assert.StartsWith("*api &lt;prod&gt;* since 20", preview.GetProperty("body").GetString());

        using var defaults = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new { purpose = "resolved" }));
        Assert.StartsWith("[RESOLVED] api <prod> is down", (await defaults.JsonAsync()).GetProperty("data").GetProperty("title").GetString());

        foreach (var (body, field) in new (object, string)[]
        {
            (new { body_template = "{% if %}" }, "body_template"), (new { channel = "carrier pigeon" }, "channel"), (new { purpose = "later" }, "purpose"),
        })
        {
            using var refused = await viewer.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/notification-groups/preview-template", ApiJson.Content(new { }))).StatusCode);
    }

    [Fact]
    public async Task Slack_gets_the_rendered_template_with_names_escaped_in_place_of_the_fields()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await factory.CreateClientAsync(UserRole.Operator);
        using var created = await client.PostAsync("/api/v1/notification-groups", ApiJson.Content(new
        {
            name = "slack templated", recipients = new[] { ChannelSamples.Recipient("slack", receiver.Url) },
            title_template = "{{ event.target_name }} needs you", body_template = "*{{ event.target_name }}*: {{ event.message }}",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = (await created.JsonAsync()).GetProperty("data").GetProperty("id").GetInt32();
        await ChannelSamples.FireAsync(factory, group, "<b>web</b>");
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the Slack message");

        var attachment = JsonDocument.Parse(receiver.Requests.Single().Body).RootElement.GetProperty("attachments")[0];
        Assert.StartsWith("*&lt;b&gt;web&lt;/b&gt;*: service &lt;b&gt;web&lt;/b&gt;", attachment.GetProperty("text").GetString());
        Assert.Equal(0, attachment.GetProperty("fields").GetArrayLength());
        Assert.StartsWith("&lt;b&gt;web&lt;/b&gt; needs you", JsonDocument.Parse(receiver.Requests.Single().Body).RootElement.GetProperty("text").GetString());
    }
}
