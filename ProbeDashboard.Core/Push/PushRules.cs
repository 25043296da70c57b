using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Push;

/// <summary>Checks the <c>push</c> settings of a push monitor; problems are keyed "push.&lt;field&gt;".</summary>
internal static class PushRules
{
    public const int MinPeriodSeconds = 30;
    public const int MaxPeriodSeconds = 31 * 86_400;
    public const int MaxGraceSeconds = 31 * 86_400;

    public static void Validate(PushInput? push, ValidationErrors errors)
    {
        if (push is null)
        {
            errors.Add("push", "is required for push monitors: {\"period\": seconds} or {\"cron\": \"m h dom mon dow\"}");
            return;
        }
        var hasCron = !string.IsNullOrWhiteSpace(push.Cron);
        if (hasCron && push.Period is not null) errors.Add("push.period", "give either period or cron, not both");
        else if (!hasCron && push.Period is null) errors.Add("push.period", "is required unless cron is given");
        else if (push.Period is < MinPeriodSeconds or > MaxPeriodSeconds)
            errors.Add("push.period", $"must be between {MinPeriodSeconds} and {MaxPeriodSeconds} seconds");

        if (hasCron)
        {
            if (PushCron.Problem(push.Cron!) is { } problem) errors.Add("push.cron", problem);
            else if (PushCron.FindZone(push.Timezone) is { } zone
                && PushCron.Parse(PushCron.Normalize(push.Cron!)).GetNextOccurrence(DateTime.UtcNow, zone) is null)
                errors.Add("push.cron", "never matches a date");
        }
        if (PushCron.FindZone(push.Timezone) is null)
            errors.Add("push.timezone", $"'{push.Timezone}' is not a known time zone (use an IANA name such as Europe/Berlin)");
        else if (!hasCron && !string.IsNullOrWhiteSpace(push.Timezone))
            errors.Add("push.timezone", "applies to cron schedules only");

        if (push.Grace is < 0) errors.Add("push.grace", "must not be negative");
        else if (push.Grace > MaxGraceSeconds) errors.Add("push.grace", $"must be at most {MaxGraceSeconds} seconds");
    }
}
