using Microsoft.Net.Http.Headers;

namespace ProbeDashboard.Ui.Assets;

/// <summary>
/// Answers GET/HEAD for <see cref="EmbeddedAssets"/>: content type, a strong ETag with If-None-Match → 304, and
/// brotli or gzip when the browser accepts it. A URL with the asset's current version (<see cref="EmbeddedAssets.Url"/>,
/// what the pages link) is cacheable for a year and immutable; any other (no version, an older build's) is revalidated
/// (no-cache) and gets a 304 with no body while the build is the same.
/// </summary>
public sealed class EmbeddedAssetsMiddleware(RequestDelegate next, EmbeddedAssets assets)
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || assets.Find(request.Path) is not { } asset)
        {
            await next(context);
            return;
        }
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = request.Query["v"] == asset.Version ? Immutable : "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.ContentType = asset.ContentType;
        if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(tag => tag.Trim() == asset.ETag))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        var body = asset.Content;
        if (asset.IsCompressible && Accepts(request, "br"))
        {
            body = asset.Brotli;
            response.Headers.ContentEncoding = "br";
        }
        else if (asset.IsCompressible && Accepts(request, "gzip"))
        {
            body = asset.Gzip;
            response.Headers.ContentEncoding = "gzip";
        }
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static bool Accepts(HttpRequest request, string encoding) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
}
