using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications.Templates;

namespace ProbeDashboard.Core.Notifications.Webhook;

/// <summary>
/// A webhook's own body: its Liquid template rendered on the event (same engine, sandbox and limits as the group
/// templates) and its content type. Values are escaped for the content type as they are written (JSON string escapes
/// for JSON, percent-encoding for a form, entities for XML/HTML, nothing for plain text); <c>| raw</c> writes one as is.
/// Whether the result is valid JSON is not checked when sending: what was rendered goes out, as the README says.
/// </summary>
public static class WebhookBody
{
    public const string DefaultContentType = "application/json";
    public const int MaxContentTypeLength = 200;

    private static readonly TextEncoder Json = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly TextEncoder Markup = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Checks the template (errors name line and column) and the content type; keys start with <paramref name="at"/>.</summary>
    public static void Validate(string? template, string? contentType, string at, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrEmpty(template))
        {
            if (template.Length > MessageTemplate.MaxLength) errors[$"{at}.body_template"] = [$"body_template is longer than {MessageTemplate.MaxLength} characters"];
            else if (MessageTemplate.Check(template) is { } error) errors[$"{at}.body_template"] = [$"body_template does not parse: {error}"];
        }
        if (ContentTypeProblem(contentType) is { } problem) errors[$"{at}.content_type"] = [problem];
    }

    /// <returns>Null when <paramref name="contentType"/> is empty (the default) or a media type such as "text/plain; charset=utf-8".</returns>
    public static string? ContentTypeProblem(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        if (contentType.Length > MaxContentTypeLength) return $"content_type is longer than {MaxContentTypeLength} characters";
        if (contentType.Any(char.IsControl) || !MediaTypeHeaderValue.TryParse(contentType.Trim(), out var parsed) || parsed.MediaType?.Contains('/') != true)
            return $"content_type '{contentType}' is not a media type such as application/json or text/plain; charset=utf-8";
        return null;
    }

    /// <summary>application/json and every <c>+json</c> type.</summary>
    public static bool IsJson(string? contentType) => MediaType(contentType) is var type && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>How values are escaped in a body of this content type.</summary>
    public static TextEncoder EncoderFor(string? contentType) => MediaType(contentType) switch
    {
        var t when IsJson(t) => Json,
        "application/x-www-form-urlencoded" => UrlEncoder.Default,
        var t when t.EndsWith("/xml", StringComparison.Ordinal) || t.EndsWith("+xml", StringComparison.Ordinal) || t == "text/html" => Markup,
        _ => Fluid.NullEncoder.Default,
    };

    /// <summary>
    /// Renders <paramref name="template"/> on the event; besides <c>event</c> and <c>group</c> it sees <c>message.title</c>
    /// and <c>message.body</c>, the text an e-mail recipient of the group gets.
    /// </summary>
    /// <exception cref="TemplateRenderException">It ran past its step or output budget.</exception>
    public static string Render(string template, string? contentType, AlertEvent alertEvent, NotificationPurpose purpose, string groupName, string link,
        string title, string body)
    {
        var model = new Dictionary<string, object?>(TemplateModel.Of(alertEvent, purpose, groupName, link, text => text))
        {
            ["message"] = new Dictionary<string, object?> { ["title"] = title, ["body"] = body },
        };
        return MessageTemplate.Render(template, model, EncoderFor(contentType));
    }

    /// <returns>Why <paramref name="body"/> is not JSON although <paramref name="contentType"/> says so; null when it is, or need not be.</returns>
    public static string? JsonProblem(string body, string? contentType)
    {
        if (!IsJson(contentType)) return null;
        try
        {
            using var _ = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException e)
        {
            return $"the rendered body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); it is sent as rendered";
        }
    }

    private static string MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(string.IsNullOrWhiteSpace(contentType) ? DefaultContentType : contentType.Trim(), out var parsed)
            ? parsed.MediaType?.ToLowerInvariant() ?? "" : "";
}
