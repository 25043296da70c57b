using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Egress;

namespace ProbeDashboard.Core.Notifications.Webhook;

/// <summary>
/// POSTs the event as JSON, or the body its template rendered with its content type, plus its extra headers. With a
/// secret, the body actually sent is signed: <c>X-ProbeDashboard-Signature: sha256=&lt;hex HMAC&gt;</c>,
/// so the receiver can tell the message came from us and was not altered.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory clients, SecretProtector secrets) : INotificationChannel
{
    public const string HttpClientName = "notifications";
    public const string SignatureHeader = "X-ProbeDashboard-Signature";

    public NotificationChannelKind Kind => NotificationChannelKind.Webhook;

    public async Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = string.IsNullOrEmpty(message.ContentType)
            ? new("application/json") { CharSet = "utf-8" }
            : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(message.ContentType);
        // Validated on save: never Host, Content-Length, hop-by-hop or our signature, so none of them can be overridden here.
        foreach (var (name, value) in WebhookHeaders.InClear(message.HeadersJson, secrets))
        {
            // Content-Language, Content-Encoding and the like belong to the content's headers; the request's refuses them.
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        if (!string.IsNullOrEmpty(message.ProtectedSecret))
            request.Headers.Add(SignatureHeader, Sign(secrets.Unprotect(message.ProtectedSecret), body));

        // Only the status counts; the body is never read, so a receiver answering with gigabytes costs nothing.
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"webhook answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>
    /// The HTTP client every notification (webhooks, SMS gateway, callbacks) is sent through, under the webhooks'
    /// egress policy.
    /// </summary>
    public static IHttpClientBuilder AddHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName).UseEgressPolicy(EgressScope.Webhooks);

    /// <returns>"sha256=" and the lower-case hex HMAC-SHA256 of <paramref name="body"/>.</returns>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
