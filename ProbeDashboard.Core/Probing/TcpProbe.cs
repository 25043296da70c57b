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
        if (!HostPort.TryParse(monitor.Target, out var host, out var port))
            return ProbeOutcome.Down($"target '{monitor.Target}' is not host:port");

        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var started = Stopwatch.GetTimestamp();
        await socket.ConnectAsync(host, port, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        socket.Shutdown(SocketShutdown.Both);
        return ProbeOutcome.Up(latency);
    }
}

/// <summary>Splits "host:port" and "[v6-address]:port".</summary>
public static class HostPort
{
    public static bool TryParse(string target, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), out port) || port is < 1 or > 65535)
            return false;
        host = target[..colon].Trim('[', ']');
        return host.Length > 0 && !host.Contains(' ');
    }
}
