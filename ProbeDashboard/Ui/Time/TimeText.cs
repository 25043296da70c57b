using System.Globalization;
using Microsoft.Extensions.Localization;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Ui.Time;

/// <summary>Wording of times and durations in the chosen language.</summary>
public static class TimeText
{
    public static string UtcTitle(DateTime utc) =>
        utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The instant for a <c>datetime</c> attribute and for app.js: ISO 8601 in UTC with milliseconds and a Z, whatever the value's kind.</summary>
    public static string MachineUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>"12 s ago", "5 min ago", "3 h ago", "2 d ago"; "just now" for clock skew into the future.</summary>
    public static string Ago(IStringLocalizer<UiText> text, TimeSpan elapsed) =>
        elapsed < TimeSpan.Zero ? text["JustNow"] : text["Ago", Duration(text, elapsed)];

    /// <summary>A short duration in the largest sensible unit: "45 s", "12 min", "5 h 3 min", "2 d 4 h".</summary>
    public static string Duration(IStringLocalizer<UiText> text, TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalSeconds < 60) return text["Seconds", (int)span.TotalSeconds];
        if (span.TotalMinutes < 60) return text["Minutes", (int)span.TotalMinutes];
        if (span.TotalHours < 24) return text["HoursMinutes", (int)span.TotalHours, span.Minutes];
        return text["DaysHours", (int)span.TotalDays, span.Hours];
    }
}
