namespace ProbeDashboard.Operations.Metrics;

public class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// When set, /metrics requires <c>Authorization: Bearer &lt;Token&gt;</c> from anywhere. When empty, /metrics
    /// answers only requests from the loopback interface (a scraper on the same machine or behind a local proxy).
    /// </summary>
    public string? Token { get; set; }
}
