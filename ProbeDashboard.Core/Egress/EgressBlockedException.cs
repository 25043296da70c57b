using System.Net;

namespace ProbeDashboard.Core.Egress;

/// <summary>Thrown before any packet is sent when the egress policy refuses every address of a target.</summary>
public sealed class EgressBlockedException(IPAddress address)
    : Exception($"blocked by egress policy: {EgressPolicy.Normalize(address)}")
{
    public IPAddress Address { get; } = address;
}
