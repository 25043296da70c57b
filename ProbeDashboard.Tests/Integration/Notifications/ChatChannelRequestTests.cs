using System.Text.Json;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Notifications;

/// <summary>
/// Slack (and so Mattermost and Rocket.Chat), Discord, Teams, Telegram and Matrix get the request their API
/// documents, with markup in a monitor's name shown as typed, not interpreted.
/// </summary>
public class ChatChannelRequestTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    /// <summary>HTML, Slack's link and mention syntax, and markdown emphasis in one name.</summary>
    private const string Hostile = "<b>api</b> & *prod* <!channel>";

    private async Task<(WebhookReceiver.Received Request, long EventId, int MonitorId)> FireToAsync(WebhookReceiver receiver, string kind, string monitor)
    {
        var group = await ChannelSamples.CreateGroupAsync(factory, $"shape {kind}", ChannelSamples.Recipient(kind, receiver.Url));
        var (fired, alert) = await ChannelSamples.FireAsync(factory, group, monitor);
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, $"the {kind} request");
        return (Assert.Single(receiver.Requests), alert.Id, fired.Id);
    }

    [Fact]
    public async Task Slack_gets_an_attachment_coloured_by_level_with_the_link_and_names_escaped_for_mrkdwn()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (request, eventId, monitorId) = await FireToAsync(receiver, "slack", Hostile + " slack");

        Assert.Equal(("POST", "/services/T000/B000/s3cr3t"), (request.Method, request.Path));
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("#d32f2f", attachment.GetProperty("color").GetString());
        Assert.Equal("&lt;b&gt;api&lt;/b&gt; &amp; *prod* &lt;!channel&gt; slack is down", attachment.GetProperty("title").GetString());
        Assert.Equal($"http://dashboard.test/alerts/{eventId}", attachment.GetProperty("title_link").GetString());
        Assert.Contains(attachment.GetProperty("fields").EnumerateArray(), f => f.GetProperty("title").GetString() == "Level" && f.GetProperty("value").GetString() == "critical");
        Assert.Equal($"[FIRING] &lt;b&gt;api&lt;/b&gt; &amp; *prod* &lt;!channel&gt; slack is down <http://dashboard.test/alerts/{eventId}|open>", body.GetProperty("text").GetString());

        await factory.Feed.CommitRoundsAsync(monitorId, true);
        await Eventually.TrueAsync(() => receiver.Requests.Count == 2, "the resolve message");
        Assert.Equal("#2e7d32", JsonDocument.Parse(receiver.Requests.Last().Body).RootElement.GetProperty("attachments")[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task Discord_gets_an_embed_with_the_level_colour_escaped_markdown_and_no_mentions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (request, eventId, _) = await FireToAsync(receiver, "discord", "*prod* `db` discord");

        Assert.Equal(("POST", "/api/webhooks/42/s3cr3t"), (request.Method, request.Path));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = body.GetProperty("embeds")[0];
        Assert.Equal(0xd32f2f, embed.GetProperty("color").GetInt32());
        Assert.Equal("\\[FIRING\\] \\*prod\\* \\`db\\` discord is down", embed.GetProperty("title").GetString());
        Assert.Equal($"http://dashboard.test/alerts/{eventId}", embed.GetProperty("url").GetString());
        Assert.Contains(embed.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "Target" && f.GetProperty("value").GetString() == "service \\*prod\\* \\`db\\` discord");
    }

    [Fact]
    public async Task Teams_gets_a_message_with_one_adaptive_card_with_facts_and_a_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (request, eventId, _) = await FireToAsync(receiver, "teams", "teams checkout");

        Assert.Equal(("POST", "/workflows/run?sig=s3cr3t"), (request.Method, request.Path));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("message", body.GetProperty("type").GetString());
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(("AdaptiveCard", "1.4"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        Assert.Equal(@"\[FIRING\] teams checkout is down", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("Attention", card.GetProperty("body")[0].GetProperty("color").GetString());
        Assert.Equal("FactSet", card.GetProperty("body")[1].GetProperty("type").GetString());
        Assert.Equal($"http://dashboard.test/alerts/{eventId}", card.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Telegram_gets_sendMessage_for_the_bot_in_html_parse_mode_with_names_html_escaped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (request, eventId, _) = await FireToAsync(receiver, "telegram", Hostile + " telegram");

        Assert.Equal(("POST", $"/bot{ChannelSamples.TelegramToken}/sendMessage"), (request.Method, request.Path));
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("-100123", body.GetProperty("chat_id").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString());
        var text = body.GetProperty("text").GetString()!;
        Assert.StartsWith("<b>[FIRING] &lt;b&gt;api&lt;/b&gt; &amp; *prod* &lt;!channel&gt; telegram is down</b>\n", text);
        Assert.DoesNotContain("<b>api</b>", text);
        Assert.Contains($"<a href=\"http://dashboard.test/alerts/{eventId}\">", text);
    }

    [Fact]
    public async Task Matrix_gets_a_put_of_an_m_notice_with_a_transaction_id_and_an_escaped_html_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (request, eventId, _) = await FireToAsync(receiver, "matrix", Hostile + " matrix");

        var outbox = Assert.Single(await ChannelSamples.OutboxOfAsync(factory, eventId));
        Assert.Equal(("PUT", $"/_matrix/client/v3/rooms/!ops:example.org/send/m.room.message/probedashboard-{outbox.Id}"), (request.Method, request.Path));
        Assert.Equal("Bearer syt_s3cr3t", request.Headers["Authorization"]);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("m.notice", body.GetProperty("msgtype").GetString());
        Assert.Equal("org.matrix.custom.html", body.GetProperty("format").GetString());
        Assert.StartsWith("[FIRING] <b>api</b> & *prod* <!channel> matrix is down\n", body.GetProperty("body").GetString());
        Assert.StartsWith("<strong>[FIRING] &lt;b&gt;api&lt;/b&gt; &amp; *prod* &lt;!channel&gt; matrix is down</strong>", body.GetProperty("formatted_body").GetString());
    }
}
