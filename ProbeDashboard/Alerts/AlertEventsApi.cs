using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Alerts;

/// <summary>Seed 001 §4.1 and §4.2: reading alert events. Acknowledge and silence are in <see cref="AlertEventActionsApi"/>.</summary>
public static class AlertEventsApi
{
    public static void MapAlertEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/alert-events").RequireAuthorization(Permissions.AlertEventsRead);
        events.MapGet("", ListAlertEvents);
        events.MapGet("/{id:long}", GetAlertEvent);
    }

    private static async Task<Results<Ok<ApiEnvelope<PagedList<AlertEventListItem>>>, BadRequest<ApiEnvelope>>> ListAlertEvents(
        HttpRequest request, ClaimsPrincipal user, AlertEventService events, CancellationToken cancellationToken)
    {
        var q = request.Query;
        if (!AlertApiResults.TryPage(q["page"], q["page_size"], out var page, out var size, out var errors)) return AlertApiResults.Invalid(errors);
        if (!AlertEventFilter.TryParse(name => q[name].ToString(), out var filter, out errors)) return AlertApiResults.Invalid(errors);

        var (total, found) = await events.ListAsync(user.ToActor(), filter, (page - 1) * size, size, cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<AlertEventListItem>(found.Select(AlertEventListItem.Of).ToList(), total, page, size)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertEventDetail>>, NotFound<ApiEnvelope>>> GetAlertEvent(
        long id, ClaimsPrincipal user, AlertEventService events, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await events.GetAsync(user.ToActor(), id, cancellationToken) is not { Event: var e } view) return AlertApiResults.NotFound($"alert event {id}");
        var firingFor = e.TriggerTime is { } trigger ? (long)((e.RecoverTime ?? time.GetUtcNow().UtcDateTime) - trigger).TotalSeconds : 0;
        var detail = new AlertEventDetail(
            e.Id,
            new AlertEventRuleRef(e.AlertRuleId, e.AlertRuleName, e.Condition, e.DurationSeconds),
            new AlertEventTarget(e.TargetId, AlertNames.Of(e.TargetType), e.TargetName, e.TargetUuid),
            e.TriggerTime, e.RecoverTime, Math.Max(0, firingFor), AlertNames.Of(e.Status), AlertNames.Of(e.Level), e.Title, e.Message,
            AlertEventListItem.Json(e.CurrentValueJson),
            view.History.Select(s => HistoryItem(s.Timestamp, s.ValuesJson)).ToList(),
            e.Acknowledged, AlertEventListItem.AckUserOf(e), e.AckTime, e.AckNote,
            view.Notifications.Select(o => new AlertNotificationItem(o.Id, NotificationChannelNames.Of(o.Channel), o.Address, o.Purpose.ToString().ToLowerInvariant(),
                o.SentAt, o.Status.ToString().ToLowerInvariant(), o.Attempts, o.LastError)).ToList(),
            e.PendingSince, e.FiresAt, e.SilenceUntil, e.NotifyOnResolve,
            e.EscalationPolicyId, [.. (view.Escalation ?? []).Select(EscalationNoticeItem.Of)]) { SuppressedBy = SuppressedByWire.Of(e) };
        return TypedResults.Ok(ApiEnvelope.Ok(detail));
    }

    /// <summary>{"timestamp": ..., "cpu_usage": 91.2}: the seed's history item shape.</summary>
    private static JsonElement HistoryItem(DateTime timestamp, string valuesJson)
    {
        var item = new JsonObject { ["timestamp"] = timestamp };
        foreach (var (name, value) in JsonNode.Parse(valuesJson)!.AsObject())
            item[name] = value?.DeepClone();
        return JsonSerializer.SerializeToElement(item);
    }
}
