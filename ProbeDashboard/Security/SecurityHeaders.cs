namespace ProbeDashboard.Security;

/// <summary>
/// Browser hardening headers on every response. The content security policy allows what Blazor Server needs and no
/// more: our own scripts, the circuit's WebSocket to this host, and inline styles (MudBlazor's theme and apexcharts write
/// style elements and attributes).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// 'self' in connect-src does not cover ws:/wss: in every browser, so the circuit's socket address is named, in
    /// both schemes: behind a TLS proxy that is not configured as known, the server sees http while the page is https.
    /// frame-ancestors 'none' (and X-Frame-Options for older browsers) stops click-jacking through frames.
    /// </summary>
    public static string ContentSecurityPolicy(HttpRequest request) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + $"font-src 'self' data:; connect-src 'self' ws://{request.Host} wss://{request.Host}; media-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
