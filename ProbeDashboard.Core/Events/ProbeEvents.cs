using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Events;

/// <summary>Published once per committed writer batch; the results carry their database ids.</summary>
public sealed record ProbeResultsCommitted(IReadOnlyList<ProbeResult> Results);

/// <summary>A monitor went online, offline or unknown (also published when it was paused or deleted).</summary>
public sealed record MonitorStatusChanged(int MonitorId, MonitorStatus Status, DateTime Since);

/// <summary>A monitor was created, edited, toggled or deleted.</summary>
public sealed record MonitorConfigurationChanged(int MonitorId, bool Deleted);
