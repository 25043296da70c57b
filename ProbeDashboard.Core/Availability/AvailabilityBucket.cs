namespace ProbeDashboard.Core.Availability;

/// <summary>
/// Rollup of the results of one monitor from one host in one hour or one day.
/// Statistics and charts read these, never raw results, so they stay fast over months.
/// </summary>
public class AvailabilityBucket
{
    public int MonitorId { get; set; }
    public int HostId { get; set; }
    public BucketSize Size { get; set; }
    /// <summary>UTC start of the hour or day.</summary>
    public DateTime Start { get; set; }
    /// <summary>
    /// Results outside every maintenance window: the figures availability is computed from by default, because planned
    /// work does not count against the SLA.
    /// </summary>
    public int Total { get; set; }
    public int Successes { get; set; }
    /// <summary>
    /// Results that fell inside an active maintenance window (of the monitor, or of the host's group), kept apart so the
    /// raw figure (<c>include_maintenance</c>) is Total + MaintenanceTotal. Rollups written before this column existed hold 0.
    /// </summary>
    public int MaintenanceTotal { get; set; }
    public int MaintenanceSuccesses { get; set; }
    /// <summary>Sum, min and max of latency over successful probes outside maintenance, in milliseconds.</summary>
    public double LatencySumMs { get; set; }
    public double? LatencyMinMs { get; set; }
    public double? LatencyMaxMs { get; set; }
}

public enum BucketSize
{
    Hour = 1,
    Day = 2,
}
