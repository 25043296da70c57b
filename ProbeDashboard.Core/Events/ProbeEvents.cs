using System.Text.Json.Serialization;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Events;

/// <summary>
/// Published once per committed writer batch; the results carry their database ids, and <paramref name="Rounds"/>
/// are the rounds the batch completed (what thresholds and service_probe rules count).
/// </summary>
public sealed record ProbeResultsCommitted(IReadOnlyList<ProbeResult> Results, IReadOnlyList<ProbeRound> Rounds);

/// <summary>A monitor went online, offline or unknown (also published when it was paused or deleted).</summary>
public sealed record MonitorStatusChanged(int MonitorId, MonitorStatus Status, DateTime Since);

/// <summary>A monitor was created, edited, toggled or deleted.</summary>
/// <param name="Created">
/// For a create, the monitor as committed, so that the scheduler and the alert engine need not read it back (at
/// hundreds of creates a second those reads were a sixth of the server's work); null for every other change, whose
/// subscribers read the database. Subscribers must not change it. Not sent to other nodes of a cluster: there the
/// change is announced without it, and their subscribers read the committed monitor as for any other change.
/// </param>
public sealed record MonitorConfigurationChanged(int MonitorId, bool Deleted, [property: JsonIgnore] MonitorDefinition? Created = null);
