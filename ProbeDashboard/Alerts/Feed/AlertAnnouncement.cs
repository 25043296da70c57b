using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Alerts.Feed;

/// <summary>
/// Which bus changes the feed announces: the seed's alert_fired and alert_resolved, nothing else. An event that opens
/// already firing (duration 0) is published as Opened and then Fired; only the Fired is announced.
/// </summary>
public static class AlertAnnouncement
{
    public enum Kind { Fired, Resolved }

    public static Kind? Of(AlertEventChanged changed) => changed.Change switch
    {
        AlertEventChange.Fired => Kind.Fired,
        AlertEventChange.Resolved => Kind.Resolved,
        _ => null,
    };
}
