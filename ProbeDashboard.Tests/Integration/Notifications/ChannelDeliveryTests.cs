using System.Net;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Notifications;

/// <summary>What every service channel shares, against a real local receiver: retries, final refusals and "send test".</summary>
public class ChannelDeliveryTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    [Theory]
    [MemberData(nameof(ChannelSamples.AllKinds), MemberType = typeof(ChannelSamples))]
    public async Task A_5xx_answer_is_retried_and_the_message_is_delivered_exactly_once(string kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.NextStatuses.Enqueue(503);
        var group = await ChannelSamples.CreateGroupAsync(factory, $"retry {kind}", ChannelSamples.Recipient(kind, receiver.Url));

        var (_, fired) = await ChannelSamples.FireAsync(factory, group, $"retry-{kind}");
        var delivered = await Eventually.GetAsync(async () => (await ChannelSamples.OutboxOfAsync(factory, fired.Id))
            .SingleOrDefault(o => o.Status == OutboxStatus.Delivered), "delivery after the 503");

        Assert.Equal(2, delivered.Attempts);
        Assert.Null(delivered.LastError);
        Assert.False(await factory.Feed.DispatcherIdleAsync());
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Equal(receiver.Requests.First().Body, receiver.Requests.Last().Body);
    }

    [Theory]
    [MemberData(nameof(ChannelSamples.AllKinds), MemberType = typeof(ChannelSamples))]
    public async Task A_4xx_answer_is_final_the_message_fails_at_once_with_the_services_explanation(string kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 401;
        receiver.ResponseBody = """{"ok":false,"description":"Unauthorized: invalid token"}""";
        var group = await ChannelSamples.CreateGroupAsync(factory, $"refused {kind}", ChannelSamples.Recipient(kind, receiver.Url));

        var (_, fired) = await ChannelSamples.FireAsync(factory, group, $"refused-{kind}");
        var failed = await Eventually.GetAsync(async () => (await ChannelSamples.OutboxOfAsync(factory, fired.Id))
            .SingleOrDefault(o => o.Status == OutboxStatus.Failed), "the refused message marked failed");

        Assert.Equal(1, failed.Attempts);
        Assert.Contains("answered 401", failed.LastError);
        Assert.Contains("invalid token", failed.LastError);
        Assert.False(await factory.Feed.DispatcherIdleAsync());
        Assert.Single(receiver.Requests);
    }

    [Theory]
    [MemberData(nameof(ChannelSamples.AllKinds), MemberType = typeof(ChannelSamples))]
    public async Task Send_test_reaches_the_service_and_the_message_links_the_dashboard(string kind)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var group = await ChannelSamples.CreateGroupAsync(factory, $"test {kind}", ChannelSamples.Recipient(kind, receiver.Url));
        using var client = await factory.CreateClientAsync(UserRole.Operator);

        using var test = await client.PostAsync($"/api/v1/notification-groups/{group}/test", null);

        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        Assert.Equal(1, (await test.JsonAsync()).GetProperty("data").GetProperty("queued").GetInt32());
        await Eventually.TrueAsync(() => !receiver.Requests.IsEmpty, "the test message");
        var received = Assert.Single(receiver.Requests);
        // Discord escapes the brackets of "[TEST]" as markdown.
        Assert.Matches(@"\[TEST\\*\] ProbeDashboard notification group", received.Body);
        Assert.Contains("http://dashboard.test", received.Body);
    }
}
