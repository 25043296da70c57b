namespace ProbeDashboard.Core.Hosts;

/// <summary>A host went online (a heartbeat arrived) or offline (three heartbeats missed). Published after commit.</summary>
public sealed record HostStatusChanged(int HostId, string HostName, Guid HostUuid, bool Online, DateTime Since);

/// <summary>A host's group or start/stop command changed, or it was deleted: where monitors run may have changed.</summary>
public sealed record HostConfigurationChanged(int HostId, bool Deleted);
