using System.Text.Json.Serialization;
using ProbeDashboard.Core.Alerts;

namespace ProbeDashboard.Realtime.Feeds;

/// <summary>Seed 001 §5.3 push message for a new alert.</summary>
public sealed record AlertFiredMessage(AlertFiredEvent Event)
{
    public const string TypeName = "alert_fired";

    [JsonPropertyOrder(-1)]
    public string Type => TypeName;
}

public sealed record AlertFiredEvent(
    long Id, string AlertRuleName, string TargetName, string Level, string Title, string Message, DateTime? TriggerTime);

/// <summary>Seed 001 §5.3 push message for a recovered alert.</summary>
public sealed record AlertResolvedMessage(long EventId, DateTime? RecoverTime)
{
    public const string TypeName = "alert_resolved";

    [JsonPropertyOrder(-1)]
    public string Type => TypeName;
}

/// <summary>
/// <c>alert_fired</c> when an event starts firing, <c>alert_resolved</c> when it recovers, filtered by level. Pending,
/// acknowledged, silenced and re-armed events are not news in the seed's sense and are not pushed.
/// </summary>
public sealed class AlertEventMapper : IRealtimeMapper<AlertEventChanged>
{
    public IEnumerable<RealtimePush> Map(AlertEventChanged evt)
    {
        var e = evt.Event;
        var level = AlertNames.Of(e.Level);
        object? message = evt.Change switch
        {
            AlertEventChange.Fired => new AlertFiredMessage(
                new AlertFiredEvent(e.Id, e.AlertRuleName, e.TargetName, level, e.Title, e.Message, e.TriggerTime)),
            AlertEventChange.Resolved => new AlertResolvedMessage(e.Id, e.RecoverTime),
            _ => null,
        };
        if (message is null) yield break;
        var type = message is AlertFiredMessage ? AlertFiredMessage.TypeName : AlertResolvedMessage.TypeName;
        yield return RealtimePush.Create(RealtimeStream.AlertEvents, level, type, message);
    }
}
