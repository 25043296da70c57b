using System.Net;

namespace ProbeDashboard.Core.Egress;

/// <summary>Turns a host name into addresses for <see cref="EgressConnector"/>; an interface so tests never resolve real names.</summary>
public interface IEgressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
public sealed class DnsEgressResolver : IEgressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
