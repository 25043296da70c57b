using System.Diagnostics;
using System.Net.Sockets;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// Succeeds when a TCP connection to host:port is accepted; the latency is the connect time (name resolution
/// included, as before). The egress policy judges the resolved addresses before any SYN is sent.
/// </summary>
public sealed class TcpProbe(EgressConnector egress) : IProbe
{
    public MonitorKind Kind => MonitorKind.Tcp;

    public async Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!MonitorTargetRules.TryParseHostPort(monitor.Target, out var host, out var port))
            return ProbeOutcome.Down($"target '{monitor.Target}' is not host:port");

        var started = Stopwatch.GetTimestamp();
        using var socket = await egress.ConnectAsync(EgressScope.Probes, host, port, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        socket.Shutdown(SocketShutdown.Both);
        return ProbeOutcome.Up(latency);
    }
}
