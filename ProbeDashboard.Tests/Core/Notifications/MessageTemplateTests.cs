using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Templates;

namespace ProbeDashboard.Tests.Core.Notifications;

public class MessageTemplateTests
{
    private static readonly DateTime Fired = new(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc);

    private static AlertEvent Event() => new()
    {
        Id = 42, AlertRuleName = "down", Condition = "consecutive_failures >= 3", TargetType = AlertTargetType.Service, TargetId = 7,
        TargetName = "*api* <prod>", Level = AlertLevel.Critical, Status = AlertEventStatus.Resolved, Title = "api is down",
        Message = "service api: down", CurrentValueJson = """{"latency":3.1}""", PendingSince = Fired, TriggerTime = Fired,
        RecoverTime = Fired.AddSeconds(3900), Acknowledged = true, AckUserName = "alice", AckNote = "on it",
    };

    private static NotificationGroup Group(string? title, string? body) => new() { Name = "ops", TitleTemplate = title, BodyTemplate = body };

    [Fact]
    public void A_template_using_every_field_renders_each_of_them()
    {
        const string body = "{{ event.id }}|{{ event.title }}|{{ event.level }}|{{ event.status }}|{{ event.message }}|{{ event.rule_name }}|" +
            "{{ event.condition }}|{{ event.target_type }}|{{ event.target_id }}|{{ event.target_name }}|{{ event.trigger_time }}|" +
            "{{ event.recover_time }}|{{ event.duration_seconds }}|{{ event.duration }}|{{ event.current_value }}|{{ event.url }}|" +
            "{{ event.acknowledged }}|{{ event.ack_user_name }}|{{ event.ack_note }}|{{ event.purpose }}|{{ group.name }}";
        var (_, text, failure) = GroupTemplates.Render(Group(null, body), Event(), NotificationPurpose.Resolved, NotificationChannelKind.Email, "http://d.test/alerts/42");
        Assert.Null(failure);
        Assert.Equal("42|api is down|critical|resolved|service api: down|down|consecutive_failures >= 3|service|7|*api* <prod>|" +
            "2026-12-06 01:00:00 UTC|2026-12-06 02:05:00 UTC|3900|1 h 5 min|{\"latency\":3.1}|http://d.test/alerts/42|true|alice|on it|resolved|ops", text);
    }

    [Theory]
    [InlineData(NotificationChannelKind.Slack, "*{{ event.target_name }}*", "**api* &lt;prod&gt;*")]
    [InlineData(NotificationChannelKind.Telegram, "<b>{{ event.target_name }}</b>", "<b>*api* &lt;prod&gt;</b>")]
    [InlineData(NotificationChannelKind.Discord, "**{{ event.target_name }}**", "**\\*api\\* <prod\\>**")]
    [InlineData(NotificationChannelKind.Teams, "**{{ event.target_name }}**", "**\\*api\\* <prod\\>**")]
    [InlineData(NotificationChannelKind.Email, "{{ event.target_name }}", "*api* <prod>")]
    public void Values_are_escaped_for_the_recipients_markup_and_the_templates_own_markup_is_kept(NotificationChannelKind channel, string body, string expected)
    {
        var (_, text, _) = GroupTemplates.Render(Group(null, body), Event(), NotificationPurpose.Fired, channel, "http://d.test");
        Assert.Equal(expected, text);
    }

    [Fact]
    public void The_title_is_one_plain_line_and_escaped_later_by_each_channel()
    {
        var (title, _, _) = GroupTemplates.Render(Group("{{ event.level | upcase }}:\n{{ event.target_name }}", null), Event(), NotificationPurpose.Fired,
            NotificationChannelKind.Slack, "http://d.test");
        Assert.Equal("CRITICAL: *api* <prod>", title);
    }

    [Theory]
    [InlineData("{{ event.title }", "body_template", "line 1")]
    [InlineData("ok\nstill ok\n{% if event.level %}never closed", "body_template", "")]
    [InlineData("{% for x in (1..3) %}", "body_template", "")]
    public void A_template_that_does_not_parse_is_refused_naming_its_field_and_line(string body, string field, string line)
    {
        var errors = GroupTemplates.Validate("{{ event.title }}", body);
        var message = Assert.Single(errors[field]);
        Assert.Contains("does not parse: line ", message);
        Assert.Contains(line, message);
    }

    [Fact]
    public void A_syntax_error_names_the_line_it_is_on()
    {
        var error = MessageTemplate.Check("first line\nsecond {{ event.title | }} line");
        Assert.Equal(2, error!.Line);
    }

    [Fact]
    public void A_runaway_loop_stops_at_the_step_budget_and_the_default_text_goes_out_with_the_failure_noted()
    {
        var (title, text, failure) = GroupTemplates.Render(Group(null, "{% for i in (1..100000000) %}x{% endfor %}"), Event(), NotificationPurpose.Fired,
            NotificationChannelKind.Email, "http://d.test");
        Assert.Null(title);
        Assert.Null(text);
        Assert.Contains("message template failed", failure);
    }

    [Fact]
    public void No_dotnet_member_or_file_is_reachable_from_a_template()
    {
        var (_, text, failure) = GroupTemplates.Render(Group(null, "[{{ event.GetType }}][{{ event.title.Length }}][{% include 'appsettings.json' %}]"), Event(),
            NotificationPurpose.Fired, NotificationChannelKind.Email, "http://d.test");
        Assert.True(failure is not null || (text is not null && !text.Contains("System.") && !text.Contains("Logging")), text ?? failure);
    }

    [Fact]
    public void Teams_escaping_neutralises_its_markdown_but_keeps_plain_text()
    {
        Assert.Equal("\\*\\*bold\\*\\* \\[x\\]\\(http://e.test\\) \\_it\\_ api-prod.example", MarkupEscaping.Teams("**bold** [x](http://e.test) _it_ api-prod.example"));
    }
}
