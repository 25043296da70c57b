using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Tests.Core.Notifications;

public class WebhookHeadersTests
{
    [Fact]
    public void A_plain_header_left_empty_is_refused_naming_its_value_as_when_a_secret_one_is_made_plain_without_retyping_it()
    {
        var errors = new Dictionary<string, string[]>();

        WebhookHeaders.Validate([new WebhookHeaderInput("X-Team", "ops"), new WebhookHeaderInput("Authorization", "", Secret: false)], "webhooks[0]", errors);

        Assert.Equal(["header value is required"], errors["webhooks[0].headers[1].value"]);
        Assert.Single(errors);
    }

    [Fact]
    public void A_secret_header_without_a_value_passes_this_check_and_keeps_the_stored_one()
    {
        var errors = new Dictionary<string, string[]>();

        WebhookHeaders.Validate([new WebhookHeaderInput("Authorization", null, Secret: true)], "webhooks[0]", errors);

        Assert.Empty(errors);
    }
}
