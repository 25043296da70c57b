using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Availability;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>One hour of a day in the configured time zone; <see cref="Value"/> is null when nothing was probed.</summary>
public sealed record HourValue(DateTime LocalHour, double? Value);

/// <summary>The result figures of seed 004, read from the hourly rollups.</summary>
public sealed class TaskResults(AvailabilityQueries availability, IOptions<OpenApiOptions> options, TimeProvider time)
{
    /// <summary>Each hour of today (up to now, <paramref name="daysAgo"/> = 0) or of yesterday (1).</summary>
    public async Task<IReadOnlyList<(DateTime LocalHour, AvailabilityPoint Point)>> HoursOfDayAsync(
        int monitorId, int daysAgo, CancellationToken cancellationToken)
    {
        var zone = options.Value.Zone;
        var now = time.GetUtcNow();
        var localToday = TimeZoneInfo.ConvertTime(now, zone).Date;
        var localStart = localToday.AddDays(-daysAgo);
        var start = TimeZoneInfo.ConvertTimeToUtc(localStart, zone);
        var end = daysAgo == 0 ? now.UtcDateTime : TimeZoneInfo.ConvertTimeToUtc(localStart.AddDays(1), zone);
        var points = (await availability.GetSeriesAsync(monitorId, AvailabilityPeriod.Hour, start, end, null, cancellationToken))
            .ToDictionary(p => p.Start);
        var hours = new List<(DateTime, AvailabilityPoint)>();
        for (var hour = start; hour < end; hour = hour.AddHours(1))
            hours.Add((TimeZoneInfo.ConvertTimeFromUtc(hour, zone), points.GetValueOrDefault(hour) ?? AvailabilityPoint.Empty(hour)));
        return hours;
    }

    /// <returns>Failed share of the rounds (0–1) today (0), yesterday (1) or in the last 7 days (7); null without rounds.</returns>
    public async Task<double?> ErrorShareAsync(int monitorId, int days, CancellationToken cancellationToken)
    {
        IEnumerable<AvailabilityPoint> points;
        if (days == 7)
        {
            var now = time.GetUtcNow().UtcDateTime;
            points = await availability.GetSeriesAsync(monitorId, AvailabilityPeriod.Hour, now.AddDays(-7), now, null, cancellationToken);
        }
        else points = (await HoursOfDayAsync(monitorId, days, cancellationToken)).Select(h => h.Point);
        var sum = points.Aggregate(AvailabilityPoint.Empty(default), (a, b) => a.Plus(b));
        return sum.Total == 0 ? null : Math.Round((double)sum.Failures / sum.Total, 4);
    }
}
