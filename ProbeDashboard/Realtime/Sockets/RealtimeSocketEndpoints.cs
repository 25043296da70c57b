using ProbeDashboard.Api;

namespace ProbeDashboard.Realtime.Sockets;

/// <summary>The raw WebSocket endpoints of seed 001 §5, one per stream.</summary>
public static partial class RealtimeSocketEndpoints
{
    public static void MapRealtimeSockets(this IEndpointRouteBuilder endpoints, RealtimeOptions options)
    {
        var webSockets = new WebSocketOptions
        {
            KeepAliveInterval = TimeSpan.FromSeconds(options.KeepAliveSeconds),
            // A client that stops answering pings is cut off and its queue freed, instead of lingering half-open.
            KeepAliveTimeout = TimeSpan.FromSeconds(options.ClientTimeoutSeconds),
        };
        foreach (var stream in RealtimeStreamInfo.All)
        {
            // Only these endpoints accept upgrades, so the WebSocket middleware sits in their own pipeline.
            var pipeline = endpoints.CreateApplicationBuilder().UseWebSockets(webSockets);
            pipeline.Run(context => AcceptAsync(context, stream));
            endpoints.Map(stream.Path, pipeline.Build())
                .RequireAuthorization(stream.Permission)
                .RequireAllowedOrigin();
        }
    }

    private static async Task AcceptAsync(HttpContext context, RealtimeStreamInfo stream)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiErrorWriter.WriteAsync(context, StatusCodes.Status400BadRequest,
                "this endpoint speaks WebSocket: send an upgrade request");
            return;
        }

        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SocketSession));
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var subscriber = services.GetRequiredService<RealtimeFanOut>().Attach(stream.Stream);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        LogConnected(logger, stream.Path, context.User.Identity?.Name);
        await new SocketSession(socket, subscriber, stream, logger).RunAsync(ended.Token);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Realtime client {UserName} connected to {Path}")]
    private static partial void LogConnected(ILogger logger, string path, string? userName);
}
