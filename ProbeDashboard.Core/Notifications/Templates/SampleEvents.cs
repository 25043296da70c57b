using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Core.Notifications.Templates;

/// <summary>Events that exist only to render templates on: the preview's sample alert and a group's "send test".</summary>
public static class SampleEvents
{
    /// <summary>A monitor down for ten minutes, with a name that needs escaping in every markup.</summary>
    public static AlertEvent Alert(NotificationPurpose purpose, DateTime now) => new()
    {
        Id = 12345, SourceKey = "monitor-down:7", AlertRuleName = "api <prod> is down", Condition = "consecutive_failures >= 3",
        TargetType = AlertTargetType.Service, TargetId = 7, TargetName = "api <prod>", Level = AlertLevel.Critical,
        Status = purpose == NotificationPurpose.Resolved ? AlertEventStatus.Resolved : AlertEventStatus.Firing,
        Title = "api <prod> is down", Message = "service api <prod>: consecutive_failures >= 3 holds (consecutive_failures=3)",
        CurrentValueJson = """{"consecutive_failures":3}""", PendingSince = now.AddMinutes(-10), TriggerTime = now.AddMinutes(-10),
        RecoverTime = purpose == NotificationPurpose.Resolved ? now : null,
        Acknowledged = purpose == NotificationPurpose.Acknowledged, AckUserName = purpose == NotificationPurpose.Acknowledged ? "alice" : null,
        AckNote = purpose == NotificationPurpose.Acknowledged ? "looking into it" : null,
    };

    /// <summary>
    /// What a webhook's body template renders on for "send test": a harmless info event, so a receiver that expects the
    /// template's shape accepts the test too, and <c>event.purpose</c> says "test".
    /// </summary>
    public static AlertEvent Test(string title, string message, DateTime now) => new()
    {
        Title = title, Message = message, AlertRuleName = "test", Condition = "test", TargetType = AlertTargetType.Service, TargetName = "test",
        Level = AlertLevel.Info, Status = AlertEventStatus.Firing, PendingSince = now, TriggerTime = now,
    };
}
