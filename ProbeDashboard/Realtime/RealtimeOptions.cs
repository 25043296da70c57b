using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Realtime;

/// <summary>Settings of the WebSocket and SignalR feeds (section <c>Realtime</c>).</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>Messages queued per connection and stream; beyond it a slow client's messages are dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 512;

    /// <summary>Seconds between keep-alive pings (WebSocket ping frames; SignalR ping messages).</summary>
    [Range(1, 3600)]
    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>Seconds without any answer from the client after which the connection is closed and freed.</summary>
    [Range(2, 7200)]
    public int ClientTimeoutSeconds { get; set; } = 45;

    /// <summary>
    /// Browser origins (scheme://host[:port]) allowed to open a feed besides the server's own; clients that send no
    /// Origin header (non-browser clients) are always allowed.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Topics (ids or levels) one connection may follow per stream, so one client cannot grow memory unbounded.</summary>
    [Range(1, 1_000_000)]
    public int MaxTopicsPerConnection { get; set; } = 10_000;
}
