using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.Operations.Listening;

/// <summary>
/// Finds out, before the server binds, whether another process holds an address it is told to listen on, so that
/// the operator gets one line naming the address (exit 69) instead of Kestrel's stack trace. It binds each address
/// the way Kestrel would (specific IP, both loopbacks for <c>localhost</c>, the dual-stack wildcard for <c>*</c>)
/// and lets go at once.
/// </summary>
/// <remarks>
/// A listener on the other loopback family counts as taken too: with another program on <c>[::1]:5080</c> (or on
/// <c>[::]:5080</c> IPv6-only) this server could bind <c>127.0.0.1:5080</c> and report "Now listening", while a
/// browser opening <c>http://localhost:5080</c> (tried over ::1 first) reached the other program.
/// </remarks>
public static class ListenAddressCheck
{
    /// <summary>EX_UNAVAILABLE from sysexits.h: a service the program needs is not available.</summary>
    public const int ExitUnavailable = 69;

    /// <returns>The line to print when an address is taken, or null when every address is free.</returns>
    public static string? FindTakenAddress(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            BindingAddress address;
            try { address = BindingAddress.Parse(url); }
            catch (FormatException) { continue; }   // Kestrel reports a malformed URL itself
            if (address.IsUnixPipe || address.Port == 0) continue;

            foreach (var ip in EndpointsOf(address.Host))
            {
                if (IsTaken(ip, address.Port))
                    return $"ProbeDashboard cannot listen on {url}: the address is already in use by another process (stop it or choose another address with --urls)";
                if (IPAddress.IsLoopback(ip) && OtherLoopback(ip) is { } other && IsTaken(other, address.Port))
                    return $"ProbeDashboard cannot listen on {url}: port {address.Port} is already in use on {Show(other)} by another process, " +
                           $"so http://localhost:{address.Port} would reach that process (stop it or choose another port with --urls)";
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="error"/> is Kestrel's failure to bind a taken address (the race after the check).</summary>
    public static bool IsAddressInUse(Exception error) =>
        error is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException };

    private static IEnumerable<IPAddress> EndpointsOf(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip)) return [ip];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return Socket.OSSupportsIPv6 ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : [IPAddress.Loopback];
        // "*", "+" and host names: Kestrel listens on every address, dual-stack where IPv6 exists.
        return [Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any];
    }

    private static IPAddress? OtherLoopback(IPAddress loopback) =>
        loopback.AddressFamily == AddressFamily.InterNetwork
            ? Socket.OSSupportsIPv6 ? IPAddress.IPv6Loopback : null
            : IPAddress.Loopback;

    private static bool IsTaken(IPAddress ip, int port)
    {
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel does on Linux: our own previous run's connections in TIME_WAIT do not make the address taken.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        if (ip.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
        try
        {
            socket.Bind(new IPEndPoint(ip, port));
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;   // e.g. an address this machine does not have: Kestrel's own error says it better
        }
    }

    private static string Show(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
}
