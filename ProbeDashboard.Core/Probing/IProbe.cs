using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing;

/// <summary>One kind of check (HTTP, TCP, ICMP). Implementations may throw; <see cref="ProbeRunner"/> turns
/// exceptions and the timeout into a failed <see cref="ProbeOutcome"/>.</summary>
public interface IProbe
{
    MonitorKind Kind { get; }

    /// <summary>Runs one attempt. <paramref name="cancellationToken"/> fires at the monitor's timeout.</summary>
    Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken);
}
