using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Alerts.Detail;

/// <summary>One notification of an event as the detail page lists it.</summary>
public sealed record SentNotification(
    long Id, NotificationChannelKind Channel, string Address, NotificationPurpose Purpose, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime? SentAt, string? LastError);

/// <summary>One history sample: its time and the numeric metrics it carried.</summary>
public sealed record HistorySample(DateTime Timestamp, IReadOnlyDictionary<string, double> Values);

/// <summary>Everything the event detail page shows, read in three queries.</summary>
public sealed record AlertEventView(AlertEvent Event, IReadOnlyList<HistorySample> History, IReadOnlyList<SentNotification> Notifications)
{
    public static async Task<AlertEventView?> LoadAsync(ProbeDbContext db, long id, CancellationToken cancellationToken)
    {
        var alertEvent = await db.AlertEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (alertEvent is null) return null;
        var samples = await db.AlertEventSamples.AsNoTracking().Where(s => s.AlertEventId == id)
            .OrderBy(s => s.Timestamp).ThenBy(s => s.Id).Select(s => new { s.Timestamp, s.ValuesJson }).ToListAsync(cancellationToken);
        var sent = await db.NotificationOutbox.AsNoTracking().Where(o => o.AlertEventId == id).OrderBy(o => o.Id)
            .Select(o => new SentNotification(o.Id, o.Channel, o.Address, o.Purpose, o.Status, o.Attempts, o.CreatedAt, o.SentAt, o.LastError))
            .ToListAsync(cancellationToken);
        return new AlertEventView(alertEvent, samples.Select(s => new HistorySample(s.Timestamp, Numbers(s.ValuesJson))).ToList(), sent);
    }

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
