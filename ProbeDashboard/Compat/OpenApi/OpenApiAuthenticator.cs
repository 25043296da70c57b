using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Compat.OpenApi;

namespace ProbeDashboard.Compat.OpenApi;

/// <summary>
/// Seed 004's authentication: HTTP Basic with the api_id as user and the request's HMAC-SHA1 signature as password.
/// Checks, in order: a Basic header (1001), its shape (1002), an active client (1004), the signature (1005), a
/// <c>time</c> inside the window (1002 when missing, 1003 when stale) and that the request was not seen before (1003).
/// </summary>
public sealed class OpenApiAuthenticator(OpenApiClientService clients, ReplayCache replays, IOptions<OpenApiOptions> options, TimeProvider time)
{
    /// <returns>The request, or the seed's error code.</returns>
    public async Task<(OpenApiRequest? Request, int Code)> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            return (null, context.Request.Headers.Authorization.Count == 0 ? OpenApiCode.NoBasicAuth : OpenApiCode.InvalidAuth);
        if (Credentials(header.Parameter) is not var (apiId, password)) return (null, OpenApiCode.InvalidAuth);

        var caller = await clients.FindActiveAsync(apiId, cancellationToken);
        if (caller is null) return (null, OpenApiCode.WrongApiIdOrKey);

        var parameters = await ReadParametersAsync(context.Request, cancellationToken);
        if (parameters is null) return (null, OpenApiCode.InvalidAuth);
        var expected = OpenApiSignature.Sign(caller.ApiKey, OpenApiSignature.Canonical(parameters));
        if (!OpenApiSignature.Matches(expected, password)) return (null, OpenApiCode.BadSignature);

        var timeValue = parameters.FirstOrDefault(p => p.Key == "time").Value;
        if (!long.TryParse(timeValue, out var unixSeconds) || unixSeconds is < 0 or > 253402300799) return (null, OpenApiCode.InvalidAuth);
        var sent = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if ((time.GetUtcNow() - sent).Duration() > options.Value.Window) return (null, OpenApiCode.AuthExpired);
        // The signature does not cover method and path, so they are part of what makes a request "the same"; the path
        // as routing sees it (any case, trailing slash or not), so a changed spelling is still a replay.
        var path = (context.Request.Path.Value ?? "").TrimEnd('/').ToLowerInvariant();
        var replayKey = $"{caller.ApiId} {context.Request.Method} {path} {expected}";
        if (!replays.TryAccept(replayKey, sent)) return (null, OpenApiCode.AuthExpired);
        return (new OpenApiRequest(caller, parameters), OpenApiCode.Ok);
    }

    /// <summary>
    /// Standard Basic (base64 of "api_id:password"), or the seed's own example header, which sends
    /// "api_id:password" unencoded. Base64 has no ':', so a colon tells the two apart.
    /// </summary>
    private static (string ApiId, string Password)? Credentials(string? parameter)
    {
        if (string.IsNullOrWhiteSpace(parameter)) return null;
        var text = parameter.Trim();
        if (!text.Contains(':'))
        {
            var buffer = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, buffer, out var length)) return null;
            text = Encoding.UTF8.GetString(buffer, 0, length);
        }
        var colon = text.IndexOf(':');
        return colon <= 0 || colon == text.Length - 1 ? null : (text[..colon], text[(colon + 1)..]);
    }

    /// <returns>Query and form parameters in the order sent; null when the form cannot be read.</returns>
    private static async Task<List<KeyValuePair<string, string>>?> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList();
        if (!request.HasFormContentType) return parameters;
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            parameters.AddRange(form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))));
            return parameters;
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }
}
