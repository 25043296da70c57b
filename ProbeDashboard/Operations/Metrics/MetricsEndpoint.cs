using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProbeDashboard.Operations.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format, outside the user login (see <see cref="MetricsOptions"/>).</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddSingleton<StoredCounts>();
        builder.Services.AddSingleton<DashboardMetrics>();
        return builder;
    }

    public static void MapMetrics(this WebApplication app) =>
        app.MapGet(Path, GetMetrics).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> GetMetrics(
        HttpContext context, DashboardMetrics metrics, IOptionsMonitor<MetricsOptions> options, CancellationToken cancellationToken)
    {
        if (!MayScrape(context, options.CurrentValue.Token))
            return Results.Text("metrics need the configured bearer token (Metrics:Token), or a request from loopback when none is set\n",
                statusCode: StatusCodes.Status401Unauthorized);
        return Results.Text(await metrics.RenderAsync(cancellationToken), PrometheusText.ContentType);
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
