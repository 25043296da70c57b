using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;

namespace ProbeDashboard.Tests.Core.Notifications;

public class ChannelMarkupTests
{
    [Theory]
    [InlineData("<b>api</b> & co", "&lt;b&gt;api&lt;/b&gt; &amp; co")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    public void Html_escaping_turns_tags_and_entities_into_text(string name, string escaped) =>
        Assert.Equal(escaped, MarkupEscaping.Html(name));

    [Theory]
    [InlineData("<!channel> & <http://x|y>", "&lt;!channel&gt; &amp; &lt;http://x|y&gt;")]
    [InlineData("*bold* _it_", "*bold* _it_")]
    public void Slack_escaping_is_slacks_three_characters_so_no_link_or_mention_can_be_made(string name, string escaped) =>
        Assert.Equal(escaped, MarkupEscaping.Slack(name));

    [Theory]
    [InlineData("*prod* `db` [x](http://y)", @"\*prod\* \`db\` \[x\]\(http://y\)")]
    [InlineData(@"a\b", @"a\\b")]
    public void Discord_escaping_puts_a_backslash_before_every_markdown_character(string name, string escaped) =>
        Assert.Equal(escaped, MarkupEscaping.Discord(name));

    [Fact]
    public void The_summary_of_an_alert_reads_the_event_json_and_keys_reminders_and_resolve_by_the_event()
    {
        var payload = """
            {"type":"alert_fired","event":{"id":7,"title":"checkout is down","level":"warning","target_type":"service","target_name":"checkout",
             "message":"2 failures","trigger_time":"2026-12-06T00:00:00Z","recover_time":null,"current_value":{"consecutive_failures":2},
             "url":"http://dashboard.test/alerts/7"}}
            """;
        var fired = NotificationSummary.Of(new NotificationOutboxEntry { Id = 41, AlertEventId = 7, Purpose = NotificationPurpose.Fired, Subject = "[FIRING] checkout is down", PayloadJson = payload });
        var resolved = NotificationSummary.Of(new NotificationOutboxEntry { Id = 42, AlertEventId = 7, Purpose = NotificationPurpose.Resolved, Subject = "[RESOLVED] checkout is down", PayloadJson = payload });

        Assert.Equal(("warning", "resolved"), (fired.Severity, resolved.Severity));
        Assert.Equal("probedashboard-event-7", fired.DedupKey);
        Assert.Equal(fired.DedupKey, resolved.DedupKey);
        Assert.NotEqual(fired.TransactionId, resolved.TransactionId);
        Assert.Equal(
            [("Level", "warning"), ("Target", "service checkout"), ("What", "2 failures"), ("Since", "2026-12-06 00:00:00 UTC"), ("Current value", """{"consecutive_failures":2}""")],
            fired.Facts);
        Assert.Equal("http://dashboard.test/alerts/7", fired.Link);
    }
}
