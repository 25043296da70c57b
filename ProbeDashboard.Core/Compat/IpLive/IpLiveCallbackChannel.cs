using System.Text.Json;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>
/// Delivers a round callback as seed 002's call_back_to_php: a form POST of <c>group_id</c>, <c>timestamp</c> and
/// <c>result</c> (the list as JSON text), which is what a PHP receiver reads from <c>$_POST</c>.
/// </summary>
public sealed class IpLiveCallbackChannel(IHttpClientFactory clients) : INotificationChannel
{
    public NotificationChannelKind Kind => NotificationChannelKind.IpLiveCallback;

    public async Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(message.PayloadJson);
        var root = payload.RootElement;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["group_id"] = root.GetProperty("group_id").GetRawText(),
            ["timestamp"] = root.GetProperty("timestamp").GetRawText(),
            ["result"] = root.GetProperty("result").GetRawText(),
        });
        using var response = await clients.CreateClient(WebhookChannel.HttpClientName).PostAsync(message.Address, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"callback answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
