using System.Text.Json;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Core.Alerts;

/// <summary>One notification of an event, as its detail shows it.</summary>
public sealed record SentNotification(
    long Id, NotificationChannelKind Channel, string Address, NotificationPurpose Purpose, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime? SentAt, string? LastError);

/// <summary>One history sample: its time, the values object as stored, and the numeric metrics in it.</summary>
public sealed record HistorySample(DateTime Timestamp, string ValuesJson)
{
    public IReadOnlyDictionary<string, double> Values { get; } = AlertEventView.Numbers(ValuesJson);
}

/// <summary>Everything an event's detail shows: the event, its history samples, its notifications and its escalation timeline.</summary>
/// <param name="GroupNames">The names of the groups the escalation notices name (a deleted group is missing).</param>
public sealed record AlertEventView(AlertEvent Event, IReadOnlyList<HistorySample> History, IReadOnlyList<SentNotification> Notifications,
    IReadOnlyList<Escalation.EscalationNotice>? Escalation = null, IReadOnlyDictionary<int, string>? GroupNames = null)
{
    /// <summary>The numeric metrics of a values object; anything else (a timestamp, a message) is not charted.</summary>
    public static IReadOnlyDictionary<string, double> Numbers(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Object) return new Dictionary<string, double>();
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
    }
}
