using Cronos;

namespace ProbeDashboard.Core.Push;

/// <summary>Parses the 5-field cron expressions and IANA time zones of push monitors (Cronos does the calendar work).</summary>
public static class PushCron
{
    private static readonly string[] FieldNames = ["minute", "hour", "day of month", "month", "day of week"];

    /// <summary>Single spaces between the fields, so equal schedules compare equal.</summary>
    public static string Normalize(string cron) =>
        string.Join(' ', cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <returns>Null when the expression parses, else a message naming the field and where it starts.</returns>
    public static string? Problem(string cron)
    {
        var fields = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            return $"must have 5 fields (minute hour day-of-month month day-of-week), found {fields.Length}";
        // Each field alone in an otherwise match-all expression: Cronos says only that the whole thing is wrong.
        var normalized = string.Join(' ', fields);
        var position = 1;
        for (var i = 0; i < fields.Length; i++)
        {
            var probe = Enumerable.Repeat("*", 5).ToArray();
            probe[i] = fields[i];
            try
            {
                CronExpression.Parse(string.Join(' ', probe), CronFormat.Standard);
            }
            catch (CronFormatException)
            {
                return $"field {i + 1} ({FieldNames[i]}) '{fields[i]}' at position {position} does not parse";
            }
            position += fields[i].Length + 1;
        }
        try
        {
            CronExpression.Parse(normalized, CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"does not parse: {e.Message}";
        }
    }

    public static CronExpression Parse(string cron) => CronExpression.Parse(cron, CronFormat.Standard);

    /// <summary>The IANA (or Windows) zone with this id; null when the system's time zone database has none.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
