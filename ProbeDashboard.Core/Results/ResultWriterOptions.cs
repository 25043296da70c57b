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

    /// <summary>
    /// How long the writer waits for more results before committing a batch. Every commit has a fixed cost (an
    /// fsync for synchronous=FULL, a transaction, the monitors' rows read, a wake-up of each subscriber), so at
    /// 1,667 results a second 100 ms took 15 % less CPU than 20 ms (docs/PERFORMANCE.md, sixteenth session); a
    /// result reaches the database and the dashboards at most this much later, and a push ping's answer waits for it.
    /// </summary>
    [Range(0, 1000)]
    public int BatchLingerMs { get; set; } = 100;
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
