using System.Diagnostics;
using System.Net.Sockets;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>Succeeds when a TCP connection to host:port is accepted; the latency is the connect time.</summary>
public sealed class TcpProbe : IProbe
{
    public MonitorKind Kind => MonitorKind.Tcp;

    public async Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!MonitorTargetRules.TryParseHostPort(monitor.Target, out var host, out var port))
            return ProbeOutcome.Down($"target '{monitor.Target}' is not host:port");

        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var started = Stopwatch.GetTimestamp();
        await socket.ConnectAsync(host, port, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        socket.Shutdown(SocketShutdown.Both);
        return ProbeOutcome.Up(latency);
    }
}
