namespace ProbeDashboard.Core.Availability;

/// <summary>How an availability series is cut: hourly rollups, or daily rollups summed per day, week or month.</summary>
public enum AvailabilityPeriod
{
    Hour,
    Day,
    Week,
    Month,
}

public static class AvailabilityPeriods
{
    public static bool TryParse(string? text, out AvailabilityPeriod period) =>
        Enum.TryParse(text, ignoreCase: true, out period) && Enum.IsDefined(period) && !int.TryParse(text, out _);

    public static string Name(this AvailabilityPeriod period) => period.ToString().ToLowerInvariant();

    public static BucketSize SourceBuckets(this AvailabilityPeriod period) =>
        period == AvailabilityPeriod.Hour ? BucketSize.Hour : BucketSize.Day;

    /// <summary>The range shown when the caller gives no start.</summary>
    public static TimeSpan DefaultSpan(this AvailabilityPeriod period) => period switch
    {
        AvailabilityPeriod.Hour => TimeSpan.FromHours(24),
        AvailabilityPeriod.Day => TimeSpan.FromDays(30),
        AvailabilityPeriod.Week => TimeSpan.FromDays(7 * 12),
        _ => TimeSpan.FromDays(365),
    };

    /// <summary>The longest range one request may ask for, so a series stays a few hundred points.</summary>
    public static TimeSpan MaxSpan(this AvailabilityPeriod period) => period switch
    {
        AvailabilityPeriod.Hour => TimeSpan.FromDays(31),
        AvailabilityPeriod.Day => TimeSpan.FromDays(366),
        _ => TimeSpan.FromDays(366 * 5),
    };

    /// <summary>UTC start of the period that contains <paramref name="time"/>; weeks start on Monday (ISO 8601).</summary>
    public static DateTime PeriodStart(this AvailabilityPeriod period, DateTime time)
    {
        var day = DateTime.SpecifyKind(time.Date, DateTimeKind.Utc);
        return period switch
        {
            AvailabilityPeriod.Hour => day.AddHours(time.Hour),
            AvailabilityPeriod.Day => day,
            AvailabilityPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            _ => new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        };
    }
}
