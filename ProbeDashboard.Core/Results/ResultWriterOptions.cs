using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Results;

public class ResultWriterOptions
{
    public const string Section = "Results";

    /// <summary>Results that may wait for the writer; producers wait (never drop) when it is full.</summary>
    [Range(100, 1_000_000)]
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>Most results stored in one transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long the writer waits for more results before committing a small batch. Every commit costs
    /// an fsync (synchronous=FULL), so a few milliseconds of patience cut the commits per second a lot.</summary>
    [Range(0, 1000)]
    public int BatchLingerMs { get; set; } = 20;
}

public class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days raw probe results are kept.</summary>
    [Range(1, 3650)]
    public int RawDays { get; set; } = 30;

    /// <summary>Days hourly and daily availability rollups are kept.</summary>
    [Range(1, 36500)]
    public int RollupDays { get; set; } = 400;
}
