using Microsoft.Extensions.Options;
using ProbeDashboard.Api;

namespace ProbeDashboard.Realtime;

/// <summary>
/// Refuses WebSocket and SignalR connections from foreign web pages: a browser sends its cookies and lets any page
/// open a WebSocket, so the Origin is the only thing that tells our own page from someone else's.
/// </summary>
public static class OriginCheck
{
    public static TBuilder RequireAllowedOrigin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate.");
            endpoint.RequestDelegate = context => IsAllowed(context)
                ? next(context)
                : ApiErrorWriter.WriteAsync(context, StatusCodes.Status403Forbidden, "origin not allowed");
        });
        return builder;
    }

    /// <summary>No Origin (a non-browser client), the server's own origin, or one of <see cref="RealtimeOptions.AllowedOrigins"/>.</summary>
    public static bool IsAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
            return true;
        var allowed = context.RequestServices.GetRequiredService<IOptions<RealtimeOptions>>().Value.AllowedOrigins;
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
