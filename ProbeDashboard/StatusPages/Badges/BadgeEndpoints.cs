using System.Globalization;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages.Badges;

/// <summary>
/// Public SVG badges of a monitor: <c>/badge/{id}/status.svg</c>, <c>uptime.svg?window=24h|7d|30d</c>,
/// <c>latency.svg</c> and <c>certificate.svg</c>, without sign-in, only for monitors on a published status page
/// (404 otherwise; latency only when such a page shows latency). Cached for a minute by browsers and proxies.
/// </summary>
public static class BadgeEndpoints
{
    private const string CacheControl = "public, max-age=60";

    public static void MapBadges(this IEndpointRouteBuilder app)
    {
        var badges = app.MapGroup("/badge/{monitorId:int}").AllowAnonymous().ExcludeFromDescription();
        badges.MapGet("/status.svg", (int monitorId, HttpContext context) => ServeAsync(context, monitorId, StatusBadge));
        badges.MapGet("/uptime.svg", (int monitorId, string? window, HttpContext context) => Window(window) is { } parsed
            ? ServeAsync(context, monitorId, data => UptimeBadge(data, parsed, window ?? "24h"))
            : Task.FromResult(Results.Text("window must be 24h, 7d or 30d", "text/plain", statusCode: StatusCodes.Status400BadRequest)));
        badges.MapGet("/latency.svg", (int monitorId, HttpContext context) => ServeAsync(context, monitorId, LatencyBadge));
        badges.MapGet("/certificate.svg", (int monitorId, HttpContext context) => ServeAsync(context, monitorId, CertificateBadge));
    }

    private static async Task<IResult> ServeAsync(HttpContext context, int monitorId, Func<PublicBadgeData, string?> render)
    {
        var data = await context.RequestServices.GetRequiredService<PublicBadgeReader>().ReadAsync(monitorId, context.RequestAborted);
        if (data is null || render(data) is not { } svg) return Results.NotFound();
        context.Response.Headers.CacheControl = CacheControl;
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }

    private static BadgeWindow? Window(string? text) => (text ?? "24h") switch
    {
        "24h" => BadgeWindow.Day,
        "7d" => BadgeWindow.Week,
        "30d" => BadgeWindow.Month,
        _ => null,
    };

    private static string StatusBadge(PublicBadgeData data) => data.State switch
    {
        PublicMonitorState.Operational => BadgeSvg.Render("status", "up", BadgeSvg.Green),
        PublicMonitorState.Down => BadgeSvg.Render("status", "down", BadgeSvg.Red),
        PublicMonitorState.Maintenance => BadgeSvg.Render("status", "maintenance", BadgeSvg.Blue),
        _ => BadgeSvg.Render("status", "unknown", BadgeSvg.Grey),
    };

    private static string UptimeBadge(PublicBadgeData data, BadgeWindow window, string name) =>
        data.Uptime[window] is { } percent
            ? BadgeSvg.Render($"uptime {name}", percent.ToString("0.##", CultureInfo.InvariantCulture) + "%", BadgeSvg.UptimeColour(percent))
            : BadgeSvg.Render($"uptime {name}", "no data", BadgeSvg.Grey);

    /// <returns>Null (404) when no published page with the monitor shows latency.</returns>
    private static string? LatencyBadge(PublicBadgeData data) =>
        !data.LatencyShown ? null
        : data.LatencyMs is { } ms
            ? BadgeSvg.Render("latency", ms.ToString("0", CultureInfo.InvariantCulture) + " ms", ms < 300 ? BadgeSvg.Green : ms < 1000 ? BadgeSvg.Yellow : BadgeSvg.Orange)
            : BadgeSvg.Render("latency", "no data", BadgeSvg.Grey);

    private static string CertificateBadge(PublicBadgeData data) => data.CertificateDaysLeft switch
    {
        null => BadgeSvg.Render("certificate", "no data", BadgeSvg.Grey),
        < 0 => BadgeSvg.Render("certificate", "expired", BadgeSvg.Red),
        var days => BadgeSvg.Render("certificate", $"{days} days", days > 30 ? BadgeSvg.Green : days > 7 ? BadgeSvg.Yellow : BadgeSvg.Red),
    };
}
