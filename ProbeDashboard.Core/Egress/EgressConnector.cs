using System.Net;
using System.Net.Sockets;

namespace ProbeDashboard.Core.Egress;

/// <summary>
/// Resolves a target once, drops every address the policy refuses, and connects only to what is left. Checking the
/// address actually connected to (not the name, not an earlier lookup) is what defeats DNS rebinding; running inside
/// SocketsHttpHandler.ConnectCallback makes every redirect hop pass through here too.
/// </summary>
public sealed class EgressConnector(EgressPolicies policies, IEgressResolver resolver)
{
    /// <returns>The addresses of <paramref name="host"/> that <paramref name="scope"/>'s policy permits, in resolver order.</returns>
    /// <exception cref="EgressBlockedException">Every address is refused; names the first one.</exception>
    public async Task<IPAddress[]> PermittedAddressesAsync(EgressScope scope, string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken);
        var policy = policies.For(scope);
        var permitted = addresses.Where(policy.Permits).ToArray();
        if (permitted.Length == 0 && addresses.Length > 0)
            throw new EgressBlockedException(addresses[0]);
        if (permitted.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        return permitted;
    }

    /// <summary>Connects a TCP socket to the first permitted address that accepts, trying them in order.</summary>
    public async Task<Socket> ConnectAsync(EgressScope scope, string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await PermittedAddressesAsync(scope, host, cancellationToken);
        return await ConnectAsync(addresses, port, cancellationToken);
    }

    /// <summary>Connects to an address chosen by the caller (a pinned origin IP), after the policy agrees.</summary>
    public Task<Socket> ConnectAsync(EgressScope scope, IPAddress address, int port, CancellationToken cancellationToken)
    {
        policies.For(scope).Demand(address);
        return ConnectAsync([address], port, cancellationToken);
    }

    /// <summary>A SocketsHttpHandler.ConnectCallback that applies <paramref name="scope"/>'s policy to every connection.</summary>
    public Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> HttpCallback(EgressScope scope) =>
        async (context, cancellationToken) =>
        {
            var socket = await ConnectAsync(scope, context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        };

    private static async Task<Socket> ConnectAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
