using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

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
        HttpRequest request, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var q = request.Query;
        if (!AlertApiResults.TryPage(q["page"], q["page_size"], out var page, out var size, out var errors)) return AlertApiResults.Invalid(errors);
        var query = db.AlertEvents.AsNoTracking();
        if (q["alert_rule_id"].ToString() is { Length: > 0 } ruleText)
        {
            if (!int.TryParse(ruleText, out var ruleId)) errors["alert_rule_id"] = ["alert_rule_id must be an integer"];
            query = query.Where(e => e.AlertRuleId == ruleId);
        }
        if (q["target_id"].ToString() is { Length: > 0 } targetText)
        {
            if (!int.TryParse(targetText, out var targetId)) errors["target_id"] = ["target_id must be an integer"];
            query = query.Where(e => e.TargetId == targetId);
        }
        if (q["target_type"].ToString() is { Length: > 0 } typeText)
        {
            if (!AlertNames.TryParseTargetType(typeText, out var targetType)) errors["target_type"] = ["target_type must be host or service"];
            query = query.Where(e => e.TargetType == targetType);
        }
        if (q["status"].ToString() is { Length: > 0 } statusText)
        {
            if (!AlertNames.TryParseStatus(statusText, out var status)) errors["status"] = ["status must be pending, firing, resolved or silenced"];
            query = query.Where(e => e.Status == status);
        }
        if (q["level"].ToString() is { Length: > 0 } levelText)
        {
            if (!AlertNames.TryParseLevel(levelText, out var level)) errors["level"] = ["level must be info, warning or critical"];
            query = query.Where(e => e.Level == level);
        }
        if (q["acknowledged"].ToString() is { Length: > 0 } ackText)
        {
            if (!bool.TryParse(ackText, out var acknowledged)) errors["acknowledged"] = ["acknowledged must be true or false"];
            query = query.Where(e => e.Acknowledged == acknowledged);
        }
        if (q["start"].ToString() is { Length: > 0 } startText)
        {
            if (!TryParseTime(startText, out var start)) errors["start"] = ["start must be an ISO 8601 time or unix seconds"];
            query = query.Where(e => e.PendingSince >= start);
        }
        if (q["end"].ToString() is { Length: > 0 } endText)
        {
            if (!TryParseTime(endText, out var end)) errors["end"] = ["end must be an ISO 8601 time or unix seconds"];
            query = query.Where(e => e.PendingSince <= end);
        }
        if (errors.Count > 0) return AlertApiResults.Invalid(errors);

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.PendingSince).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<AlertEventListItem>(rows.Select(AlertEventListItem.Of).ToList(), total, page, size)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertEventDetail>>, NotFound<ApiEnvelope>>> GetAlertEvent(
        long id, ProbeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var e = await db.AlertEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (e is null) return AlertApiResults.NotFound($"alert event {id}");
        var samples = await db.AlertEventSamples.AsNoTracking().Where(s => s.AlertEventId == id)
            .OrderBy(s => s.Timestamp).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var outbox = await db.NotificationOutbox.AsNoTracking().Where(o => o.AlertEventId == id).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Channel, o.Address, o.Purpose, o.SentAt, o.Status, o.Attempts, o.LastError })
            .ToListAsync(cancellationToken);

        var firingFor = e.TriggerTime is { } trigger ? (long)((e.RecoverTime ?? time.GetUtcNow().UtcDateTime) - trigger).TotalSeconds : 0;
        var detail = new AlertEventDetail(
            e.Id,
            new AlertEventRuleRef(e.AlertRuleId, e.AlertRuleName, e.Condition, e.DurationSeconds),
            new AlertEventTarget(e.TargetId, AlertNames.Of(e.TargetType), e.TargetName, e.TargetUuid),
            e.TriggerTime, e.RecoverTime, Math.Max(0, firingFor), AlertNames.Of(e.Status), AlertNames.Of(e.Level), e.Title, e.Message,
            AlertEventListItem.Json(e.CurrentValueJson),
            samples.Select(s => HistoryItem(s.Timestamp, s.ValuesJson)).ToList(),
            e.Acknowledged, AlertEventListItem.AckUserOf(e), e.AckTime, e.AckNote,
            outbox.Select(o => new AlertNotificationItem(o.Id, NotificationChannelNames.Of(o.Channel), o.Address, o.Purpose.ToString().ToLowerInvariant(),
                o.SentAt, o.Status.ToString().ToLowerInvariant(), o.Attempts, o.LastError)).ToList(),
            e.PendingSince, e.FiresAt, e.SilenceUntil, e.NotifyOnResolve);
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

    private static bool TryParseTime(string text, out DateTime value)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix < 100_000_000_000)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime;
            return true;
        }
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        value = parsed.UtcDateTime;
        return ok;
    }
}
