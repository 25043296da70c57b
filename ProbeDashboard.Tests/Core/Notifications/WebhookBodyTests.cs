using System.Text.Json;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Templates;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Tests.Core.Notifications;

public class WebhookBodyTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, "{{ event.target_name }}", "api <prod>")]
    [InlineData("application/json", "\"{{ event.message }}\"", "\"service api <prod>: consecutive_failures >= 3 holds (consecutive_failures=3)\"")]
    [InlineData("application/json", "{{ event.current_value }}", "{\\\"consecutive_failures\\\":3}")]
    [InlineData("application/json", "{{ event.current_value | raw }}", "{\"consecutive_failures\":3}")]
    [InlineData("application/x-www-form-urlencoded", "name={{ event.target_name }}", "name=api%20%3Cprod%3E")]
    [InlineData("text/xml", "<n>{{ event.target_name }}</n>", "<n>api &lt;prod&gt;</n>")]
    [InlineData("text/plain", "{{ event.target_name | upcase }}|{{ event.level }}", "API <PROD>|critical")]
    public void Values_are_escaped_for_the_content_type_and_the_templates_own_text_is_not(string? contentType, string template, string expected)
    {
        var rendered = WebhookBody.Render(template, contentType, SampleEvents.Alert(NotificationPurpose.Fired, Now), NotificationPurpose.Fired, "ops", "http://x/alerts/1", "t", "b");
        Assert.Equal(expected, rendered);
    }

    [Fact]
    public void A_json_escaped_value_with_quotes_backslashes_and_line_breaks_keeps_the_body_valid_json()
    {
        var alert = SampleEvents.Alert(NotificationPurpose.Fired, Now);
        alert.TargetName = "a \"b\" \\ c\nd 中文";
        var rendered = WebhookBody.Render("""{"n": "{{ event.target_name }}"}""", null, alert, NotificationPurpose.Fired, "ops", "l", "t", "b");
        Assert.Equal(alert.TargetName, JsonDocument.Parse(rendered).RootElement.GetProperty("n").GetString());
        Assert.Null(WebhookBody.JsonProblem(rendered, null));
        Assert.NotNull(WebhookBody.JsonProblem("{\"n\": ", "application/problem+json"));
        Assert.Null(WebhookBody.JsonProblem("{\"n\": ", "text/plain"));
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("text/plain; charset=utf-8", true)]
    [InlineData("application/vnd.api+json", true)]
    [InlineData("json", false)]
    [InlineData("text/plain\r\nX-Injected: 1", false)]
    [InlineData("a/b; =", false)]
    public void Content_types_must_be_media_types(string contentType, bool accepted) =>
        Assert.Equal(accepted, WebhookBody.ContentTypeProblem(contentType) is null);

    [Fact]
    public void A_template_that_runs_out_of_steps_sends_the_standard_json_with_the_failure_noted()
    {
        var composer = new NotificationComposer(new DashboardAddress(new FixedOptions()));
        var group = new NotificationGroup
        {
            Name = "ops",
            Recipients = [new NotificationRecipient
            {
                Channel = NotificationChannelKind.Webhook, Address = "http://127.0.0.1:9", ContentType = "text/plain",
                BodyTemplate = "{% for i in (1..1000000) %}x{% endfor %}", HeadersJson = """[{"name":"X-A","value":"1"}]""",
            }],
        };

        var message = composer.Compose(SampleEvents.Alert(NotificationPurpose.Fired, Now), NotificationPurpose.Fired, group, Now).Single();

        var payload = JsonDocument.Parse(message.PayloadJson).RootElement;
        Assert.Equal("alert_fired", payload.GetProperty("type").GetString());
        Assert.Contains("body template failed", payload.GetProperty("template_error").GetString());
        Assert.Null(message.ContentType);
        Assert.Equal(group.Recipients[0].HeadersJson, message.HeadersJson);
    }

    private sealed class FixedOptions : IOptionsMonitor<NotificationOptions>
    {
        public NotificationOptions CurrentValue { get; } = new() { PublicUrl = "http://dashboard.test" };
        public NotificationOptions Get(string? name) => CurrentValue;
        public IDisposable? OnChange(Action<NotificationOptions, string?> listener) => null;
    }
}
