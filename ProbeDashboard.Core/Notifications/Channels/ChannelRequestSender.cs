using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProbeDashboard.Core.Notifications.Webhook;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>
/// Sends a service channel's request through the notifications HTTP client (the webhooks' egress policy, one pooled
/// handler) and judges the answer: 2xx delivered; 408, 429 and 5xx retried by the dispatcher; any other 4xx
/// rejected for good, since the same token or chat would be refused again.
/// </summary>
public sealed class ChannelRequestSender(IHttpClientFactory clients)
{
    /// <summary>The start of an error answer is kept in the error: services say there what is wrong ("chat not found").</summary>
    private const int ErrorDetailChars = 300;

    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="NotificationRejectedException">The service refused the message for good.</exception>
    /// <exception cref="HttpRequestException">A failure worth retrying.</exception>
    public async Task SendAsync(string service, ChannelRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url)
        {
            Content = new StringContent(request.Body.ToJsonString(BodyJson), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
            message.Headers.TryAddWithoutValidation(name, value);

        using var response = await clients.CreateClient(WebhookChannel.HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode) return;
        var detail = await DetailAsync(response, cancellationToken);
        var error = $"{service} answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : "")}";
        throw IsFinal(response.StatusCode) ? new NotificationRejectedException(error) : new HttpRequestException(error);
    }

    private static bool IsFinal(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests;

    /// <summary>At most the first few hundred characters, on one line; the rest of the body is never read.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new char[ErrorDetailChars];
        using var reader = new StreamReader(body, Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return string.Join(' ', new string(buffer, 0, read).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
