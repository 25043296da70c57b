namespace ProbeDashboard.Core.Push;

/// <summary>
/// When a push monitor expects its pings: every <see cref="PeriodSeconds"/>, or at each slot of the 5-field
/// <see cref="Cron"/> schedule in <see cref="TimeZone"/>; either way plus <see cref="GraceSeconds"/>.
/// Stored as JSON beside the monitor; unused (empty) for the other types.
/// </summary>
public class PushProbeOptions
{
    /// <summary>Seconds between expected pings; null when <see cref="Cron"/> is used.</summary>
    public int? PeriodSeconds { get; set; }
    /// <summary>A 5-field cron expression ("0 3 * * *"); null when <see cref="PeriodSeconds"/> is used.</summary>
    public string? Cron { get; set; }
    /// <summary>IANA time zone the cron slots are in; UTC when null.</summary>
    public string? TimeZone { get; set; }
    /// <summary>How late a ping may be before the period counts as missed, in seconds.</summary>
    public int GraceSeconds { get; set; } = PushInput.DefaultGraceSeconds;
}

/// <summary>What a user sends under <c>push</c>: <c>{"period": 300, "grace": 60}</c> or <c>{"cron": "0 3 * * *", "timezone": "Europe/Berlin", "grace": 600}</c>.</summary>
public sealed record PushInput
{
    public const int DefaultGraceSeconds = 60;

    public int? Period { get; init; }
    public string? Cron { get; init; }
    public string? Timezone { get; init; }
    public int? Grace { get; init; }
    /// <summary>
    /// A ping token to keep (a configuration import with secrets moves a monitor without breaking its jobs); null
    /// keeps the monitor's own or makes a new one. The API does not take it: tokens are made by the server.
    /// </summary>
    public string? Token { get; init; }

    public static PushInput From(PushProbeOptions push) => new()
    {
        Period = push.PeriodSeconds,
        Cron = push.Cron,
        Timezone = push.TimeZone,
        Grace = push.GraceSeconds,
    };

    public PushProbeOptions ToOptions()
    {
        var cron = string.IsNullOrWhiteSpace(Cron) ? null : PushCron.Normalize(Cron);
        return new PushProbeOptions
        {
            PeriodSeconds = cron is null ? Period : null,
            Cron = cron,
            TimeZone = cron is null || string.IsNullOrWhiteSpace(Timezone) ? null : Timezone.Trim(),
            GraceSeconds = Grace ?? DefaultGraceSeconds,
        };
    }
}
