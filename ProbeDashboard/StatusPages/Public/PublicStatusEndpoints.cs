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
    /// <summary>Browsers and proxies may keep a page as long as the server does.</summary>
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

    private static async Task ServePageAsync(HttpContext context, string slug, string basePath)
    {
        var reader = context.RequestServices.GetRequiredService<PublicStatusReader>();
        var page = await reader.ReadAsync(slug, context.RequestAborted);
        context.Response.ContentType = "text/html; charset=utf-8";
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(NotFoundHtml, context.RequestAborted);
            return;
        }
        var html = await context.RequestServices.GetRequiredService<PublicStatusRenderer>().RenderAsync(page, basePath, context.RequestAborted);
        context.Response.Headers.CacheControl = CacheControl;
        context.Response.Headers.Vary = "Accept-Language, Cookie";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static async Task ServeSummaryAsync(HttpContext context, string slug)
    {
        var page = await context.RequestServices.GetRequiredService<PublicStatusReader>().ReadAsync(slug, context.RequestAborted);
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { code = 404, message = "status page not found" }, context.RequestAborted);
            return;
        }
        context.Response.Headers.CacheControl = CacheControl;
        await context.Response.WriteAsJsonAsync(PublicStatusSummary.Of(page), context.RequestAborted);
    }

    private static async Task ServeFeedAsync(HttpContext context, string slug, string basePath)
    {
        var page = await context.RequestServices.GetRequiredService<PublicStatusReader>().ReadAsync(slug, context.RequestAborted);
        if (page is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { code = 404, message = "status page not found" }, context.RequestAborted);
            return;
        }
        var request = context.Request;
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        context.Response.Headers.CacheControl = CacheControl;
        await context.Response.WriteAsync(PublicStatusFeed.Write(page, $"{request.Scheme}://{request.Host}{basePath}"), context.RequestAborted);
    }

    private const string NotFoundHtml = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Status page not found</title>
        <link rel="stylesheet" href="/status-assets/status.css"></head>
        <body><main class="status-page"><h1>Status page not found</h1><p>There is no published status page at this address.</p></main></body></html>
        """;
}
