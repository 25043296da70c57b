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
    public int Total { get; set; }
    public int Successes { get; set; }
    /// <summary>Sum, min and max of latency over successful probes, in milliseconds.</summary>
    public double LatencySumMs { get; set; }
    public double? LatencyMinMs { get; set; }
    public double? LatencyMaxMs { get; set; }
}

public enum BucketSize
{
    Hour = 1,
    Day = 2,
}
