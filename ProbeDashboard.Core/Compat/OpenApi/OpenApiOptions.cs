using System.ComponentModel.DataAnnotations;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>Settings of the open monitoring API (seed 004), section "OpenApi".</summary>
public sealed class OpenApiOptions
{
    public const string Section = "OpenApi";

    /// <summary>How far a request's <c>time</c> may be from the server clock, either way, in seconds.</summary>
    [Range(30, 3600)]
    public int TimeWindowSeconds { get; set; } = 300;

    /// <summary>Signed requests remembered against replay; the entry nearest expiry goes first when full.</summary>
    [Range(100, 10_000_000)]
    public int ReplayCacheSize { get; set; } = 100_000;

    /// <summary>Probe interval of tasks created through the API, in seconds (the probe timeout must fit inside it).</summary>
    [Range(2, 3600)]
    public int TaskIntervalSeconds { get; set; } = 60;

    /// <summary>Most alert groups per user.</summary>
    [Range(1, 1000)]
    public int MaxAlertGroups { get; set; } = 20;

    /// <summary>IANA time zone whose days "today" and "yesterday" in task results mean; UTC when empty.</summary>
    public string TimeZone { get; set; } = "";

    public TimeSpan Window => TimeSpan.FromSeconds(TimeWindowSeconds);

    public TimeZoneInfo Zone => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
