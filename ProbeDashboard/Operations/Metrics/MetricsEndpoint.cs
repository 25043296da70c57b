using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Prometheus;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Realtime;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format (prometheus-net's exporter over this app's registry), outside
/// the user login (see <see cref="MetricsOptions"/>), plus prometheus-net's HTTP server and .NET runtime metrics.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddSingleton<StoredCounts>();
        builder.Services.AddSingleton<RealtimeMetrics>();
        builder.Services.AddSingleton<RuntimeMetrics>();
        return builder;
    }

    /// <summary>Counts and times every HTTP request (prometheus-net's <c>http_request*</c> families).</summary>
    public static void UseHttpMetrics(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        HttpMetricsMiddlewareExtensions.UseHttpMetrics(app, options => options.ConfigureMeasurements(m => m.Registry = registry));
    }

    public static void MapMetrics(this WebApplication app)
    {
        // The instruments that copy other classes' counts at scrape time exist once something asks for them.
        app.Services.GetRequiredService<StoredCounts>();
        app.Services.GetRequiredService<RealtimeMetrics>();
        app.Services.GetRequiredService<EventBusMetrics>();
        app.Services.GetRequiredService<RuntimeMetrics>();

        var exporter = ((IEndpointRouteBuilder)app).CreateApplicationBuilder()
            .Use(RefuseUnlessMayScrape)
            .UseMiddleware<MetricServerMiddleware>(new MetricServerMiddleware.Settings { Registry = app.Services.GetRequiredService<CollectorRegistry>() })
            .Build();
        app.MapGet(Path, exporter).AllowAnonymous().ExcludeFromDescription().WithDisplayName("Prometheus metrics");
    }

    private static async Task RefuseUnlessMayScrape(HttpContext context, RequestDelegate next)
    {
        var token = context.RequestServices.GetRequiredService<IOptionsMonitor<MetricsOptions>>().CurrentValue.Token;
        if (MayScrape(context, token))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "metrics need the configured bearer token (Metrics:Token), or a request from loopback when none is set\n", context.RequestAborted);
    }

    private static bool MayScrape(HttpContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            // No address means an in-process caller (TestServer); a socket always has one.
            var remote = context.Connection.RemoteIpAddress;
            return remote is null || IPAddress.IsLoopback(remote);
        }
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
