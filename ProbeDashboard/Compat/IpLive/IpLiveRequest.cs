using System.Text.Json;
using ProbeDashboard.Core.Compat.IpLive;

namespace ProbeDashboard.Compat.IpLive;

/// <summary>
/// Reads an iplive call's parameters from a form body or a JSON object alike (query parameters fill in what the
/// body lacks), and its token from the <c>token</c> parameter, a <c>token</c> header or <c>Authorization: Token …</c>.
/// </summary>
internal static class IpLiveRequest
{
    public const string TokenHeader = "token";

    public static async Task<IpLiveParams> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form) values[key] = value.ToString();
        }
        else if (request.ContentLength is not 0)
        {
            await ReadJsonAsync(request, values, cancellationToken);
        }
        foreach (var (key, value) in request.Query) values.TryAdd(key, value.ToString());
        return new IpLiveParams(values);
    }

    public static string? Token(HttpRequest request, IpLiveParams p)
    {
        if (p.Optional("token") is { } token) return token;
        if (request.Headers[TokenHeader].ToString() is { Length: > 0 } header) return header;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Token ", StringComparison.OrdinalIgnoreCase) ? authorization[6..] : null;
    }

    private static async Task ReadJsonAsync(HttpRequest request, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new IpLiveParamException(IpLiveOutcome.Invalid("the body is neither a form nor a JSON object"));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new IpLiveParamException(IpLiveOutcome.Invalid("a JSON body must be an object of parameters"));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // Lists (deal's data) keep their JSON text, as a form would carry them.
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String: values[property.Name] = property.Value.GetString()!; break;
                    case JsonValueKind.Null: break;
                    default: values[property.Name] = property.Value.GetRawText(); break;
                }
            }
        }
    }
}
