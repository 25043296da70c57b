using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace ProbeDashboard.StatusPages.Public;

/// <summary>
/// Sends a cached <see cref="PublicResponse"/>: the Brotli or gzip copy when the reader's Accept-Encoding allows it
/// (Brotli first: about a tenth of the page's size), a 304 without a body when If-None-Match names the response the
/// reader already has. No per-request work but picking an array.
/// </summary>
public static class PublicResponseWriter
{
    public static Task WriteAsync(HttpContext context, PublicResponse response, string cacheControl, string? vary = null)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        context.Response.ContentType = response.ContentType;
        headers.CacheControl = cacheControl;
        // Accept-Encoding picks the bytes, so every shared cache on the way must key by it.
        headers.Vary = vary is null ? HeaderNames.AcceptEncoding : $"{HeaderNames.AcceptEncoding}, {vary}";

        if (MatchingTag(request, response) is { } known)
        {
            headers.ETag = known;
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        var (body, tag, encoding) = Accepts(accepted, "br") ? (response.Brotli, response.BrotliETag, "br")
            : Accepts(accepted, "gzip") ? (response.Gzip, response.GzipETag, "gzip")
            : (response.Body, response.ETag, null);
        headers.ETag = tag;
        if (encoding is not null) headers.ContentEncoding = encoding;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>The tag of If-None-Match that names this response (weak comparison, as RFC 9110 asks for), or null.</summary>
    private static string? MatchingTag(HttpRequest request, PublicResponse response)
    {
        foreach (var tag in request.GetTypedHeaders().IfNoneMatch)
        {
            if (tag.Equals(EntityTagHeaderValue.Any)) return response.ETag;
            if (tag.Tag.Value is { } value && response.IsNamedBy(value)) return value;
        }
        return null;
    }

    /// <summary>Whether <paramref name="coding"/> is acceptable: named (or "*") with a quality above zero, and not refused by name.</summary>
    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding)
    {
        double? named = null, any = null;
        foreach (var entry in accepted)
        {
            var quality = entry.Quality ?? 1;
            if (StringSegment.Equals(entry.Value, coding, StringComparison.OrdinalIgnoreCase)) named = quality;
            else if (entry.Value == "*") any = quality;
        }
        return (named ?? any ?? 0) > 0;
    }
}
