using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages.Public;

/// <summary>
/// The public side of status pages, without sign-in: <c>/status/{slug}</c> (HTML that works without scripts) and
/// <c>/status/{slug}/summary.json</c> and the incidents' Atom feed <c>/status/{slug}/feed</c>; the same at <c>/</c>,
/// <c>/summary.json</c> and <c>/feed</c> of a page's custom domain.
/// Unknown and unpublished slugs are a 404 page.
/// </summary>
public static class PublicStatusEndpoints
{
    /// <summary>
    /// Browsers and proxies may keep a response as long as the server keeps the data; after that they revalidate with
    /// the ETag and get a 304 while nothing changed.
    /// </summary>
    private static readonly string CacheControl = $"public, max-age={(int)PublicStatusCache.Lifetime.TotalSeconds}";

    public static void MapPublicStatusPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status/{slug}", (string slug, HttpContext context) => ServePageAsync(context, slug, $"/status/{slug}"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/status/{slug}/summary.json", (string slug, HttpContext context) => ServeSummaryAsync(context, slug))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/status/{slug}/feed", (string slug, HttpContext context) => ServeFeedAsync(context, slug, $"/status/{slug}"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// Serves a page at the root of its custom domain. A middleware rather than a route: "/" is the dashboard's own
    /// route on every other host. The Host is the one the forwarded-headers step accepted (known proxies only).
    /// </summary>
    public static void UseStatusPageDomains(this WebApplication app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (HttpMethods.IsGet(context.Request.Method) && (path == "/" || path == "/summary.json" || path == "/feed")
            && await context.RequestServices.GetRequiredService<PublicStatusReader>().SlugForDomainAsync(context.Request.Host.Host, context.RequestAborted) is { } slug)
        {
            await (path == "/" ? ServePageAsync(context, slug, "") : path == "/feed" ? ServeFeedAsync(context, slug, "") : ServeSummaryAsync(context, slug));
            return;
        }
        await next(context);
    });

    /// <summary>
    /// The bytes differ only by language (times are turned into the reader's zone by status.js) and by where the page
    /// is served (links to its summary and feed), so those are the key.
    /// </summary>
    private static Task ServePageAsync(HttpContext context, string slug, string basePath)
    {
        var culture = CultureInfo.CurrentUICulture;
        return ServeAsync(context, slug, NotFoundPageAsync, $"html:{culture.Name}:{basePath}", async page =>
        {
            var html = await context.RequestServices.GetRequiredService<PublicStatusRenderer>().RenderAsync(page, basePath, culture);
            return PublicResponse.Of("text/html; charset=utf-8", html);
        },
        // The language comes from the culture cookie or Accept-Language.
        vary: "Accept-Language, Cookie");
    }

    private static Task ServeSummaryAsync(HttpContext context, string slug) =>
        ServeAsync(context, slug, NotFoundJsonAsync, "summary", page =>
        {
            var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return Task.FromResult(PublicResponse.Of("application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(PublicStatusSummary.Of(page), json)));
        });

    private static Task ServeFeedAsync(HttpContext context, string slug, string basePath)
    {
        // The feed's links are absolute, in the address the reader used.
        var pageUrl = $"{context.Request.Scheme}://{context.Request.Host}{basePath}";
        return ServeAsync(context, slug, NotFoundJsonAsync, "feed:" + pageUrl,
            page => Task.FromResult(PublicResponse.Of("application/atom+xml; charset=utf-8", PublicStatusFeed.Write(page, pageUrl))));
    }

    /// <summary>
    /// The response for <paramref name="variant"/> of the page's current data, made once per read of that data
    /// (<see cref="PublicResponseCache"/>), or the 404 of an unknown or unpublished slug.
    /// </summary>
    private static async Task ServeAsync(HttpContext context, string slug, Func<HttpContext, Task> notFound, string variant,
        Func<PublicStatusPage, Task<PublicResponse>> make, string? vary = null)
    {
        var page = await context.RequestServices.GetRequiredService<PublicStatusReader>().ReadAsync(slug, context.RequestAborted);
        if (page is null)
        {
            await notFound(context);
            return;
        }
        // The shared render must not die with the first reader's request, hence no token inside it.
        var response = await context.RequestServices.GetRequiredService<PublicResponseCache>()
            .GetAsync(page, variant, () => make(page)).WaitAsync(context.RequestAborted);
        await PublicResponseWriter.WriteAsync(context, response, CacheControl, vary);
    }

    private static Task NotFoundPageAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(NotFoundHtml, context.RequestAborted);
    }

    private static Task NotFoundJsonAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsJsonAsync(new { code = 404, message = "status page not found" }, context.RequestAborted);
    }

    private const string NotFoundHtml = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Status page not found</title>
        <link rel="stylesheet" href="/status-assets/status.css"></head>
        <body><main class="status-page"><h1>Status page not found</h1><p>There is no published status page at this address.</p></main></body></html>
        """;
}
