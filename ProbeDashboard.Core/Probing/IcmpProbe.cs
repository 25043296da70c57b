using System.ComponentModel;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// One ICMP echo. On Linux an unprivileged process may only ping through the kernel's ping sockets
/// (net.ipv4.ping_group_range) or the setuid ping tool; when neither is allowed the result says so.
/// The target is resolved first and the echo goes to the first address the egress policy permits.
/// </summary>
public sealed class IcmpProbe(EgressConnector egress) : IProbe
{
    public const string NotPermitted = "ICMP not permitted for this process";
    private static readonly byte[] Payload = new byte[32];

    public MonitorKind Kind => MonitorKind.Icmp;

    public async Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        var addresses = await egress.PermittedAddressesAsync(EgressScope.Probes, monitor.Target, cancellationToken);
        using var ping = new Ping();
        PingReply reply;
        try
        {
            reply = await ping.SendPingAsync(addresses[0], TimeSpan.FromSeconds(monitor.TimeoutSeconds), Payload, null, cancellationToken);
        }
        catch (PingException e) when (IsPermissionProblem(e))
        {
            return ProbeOutcome.Down(NotPermitted);
        }

        return reply.Status switch
        {
            IPStatus.Success => ProbeOutcome.Up(reply.RoundtripTime),
            IPStatus.TimedOut or IPStatus.TimeExceeded => ProbeOutcome.Down(ProbeErrors.TimedOut(monitor.TimeoutSeconds)),
            IPStatus.DestinationHostUnreachable => ProbeOutcome.Down("host unreachable"),
            IPStatus.DestinationNetworkUnreachable => ProbeOutcome.Down("network unreachable"),
            var status => ProbeOutcome.Down("ICMP " + status.ToString().ToLowerInvariant()),
        };
    }

    private static bool IsPermissionProblem(PingException e) => e.InnerException switch
    {
        SocketException socket => socket.SocketErrorCode == SocketError.AccessDenied,
        UnauthorizedAccessException => true,
        // The fallback to the ping tool fails with Win32Exception when the tool is missing or not setuid.
        Win32Exception => true,
        _ => false,
    };
}
