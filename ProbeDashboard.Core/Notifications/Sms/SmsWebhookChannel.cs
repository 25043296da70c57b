using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Core.Notifications.Sms;

/// <summary>Sends a text message through whatever HTTP SMS gateway the operator configured (Notifications:Sms).</summary>
public sealed class SmsWebhookChannel(IHttpClientFactory clients, IOptionsMonitor<NotificationOptions> options) : INotificationChannel
{
    public NotificationChannelKind Kind => NotificationChannelKind.Sms;

    public async Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
    {
        var gateway = options.CurrentValue.Sms;
        if (string.IsNullOrWhiteSpace(gateway.UrlTemplate))
            throw new InvalidOperationException("no SMS gateway configured (Notifications:Sms:UrlTemplate)");

        var url = gateway.UrlTemplate
            .Replace("{phone}", Uri.EscapeDataString(message.Address))
            .Replace("{message}", Uri.EscapeDataString(message.Body));
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (!string.IsNullOrWhiteSpace(gateway.BodyTemplate))
        {
            var body = gateway.BodyTemplate
                .Replace("{phone}", JsonEscaped(message.Address))
                .Replace("{message}", JsonEscaped(message.Body));
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await clients.CreateClient(WebhookChannel.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>The text as it goes inside a JSON string literal, without the quotes.</summary>
    private static string JsonEscaped(string text) => JsonSerializer.Serialize(text)[1..^1];
}
