using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Alerts;

/// <summary>Seed 001 §3: alert rules CRUD.</summary>
public static class AlertRulesApi
{
    public static void MapAlertRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/alert-rules");
        rules.MapGet("", ListAlertRules).RequireAuthorization(Permissions.AlertRulesRead);
        rules.MapGet("/{id:int}", GetAlertRule).RequireAuthorization(Permissions.AlertRulesRead);
        rules.MapPost("", CreateAlertRule).RequireAuthorization(Permissions.AlertRulesWrite);
        rules.MapPut("/{id:int}", UpdateAlertRule).RequireAuthorization(Permissions.AlertRulesWrite);
        rules.MapDelete("/{id:int}", DeleteAlertRule).RequireAuthorization(Permissions.AlertRulesWrite);
        rules.MapPost("/validate-condition", ValidateCondition).RequireAuthorization(Permissions.AlertRulesRead);
    }

    private static async Task<Results<Ok<ApiEnvelope<PagedList<AlertRuleListItem>>>, BadRequest<ApiEnvelope>>> ListAlertRules(
        string? page, string? page_size, string? enable, string? type, string? alert_level,
        ProbeDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AlertApiResults.TryPage(page, page_size, out var pageNumber, out var size, out var errors)) return AlertApiResults.Invalid(errors);
        var query = db.AlertRules.AsNoTracking();
        if (enable is not null)
        {
            if (!bool.TryParse(enable, out var enabled)) return AlertApiResults.Invalid("enable", "enable must be true or false");
            query = query.Where(r => r.Enabled == enabled);
        }
        if (type is not null)
        {
            if (!AlertNames.TryParseRuleType(type, out var ruleType)) return AlertApiResults.Invalid("type", "type must be host_monitor or service_probe");
            query = query.Where(r => r.Type == ruleType);
        }
        if (alert_level is not null)
        {
            if (!AlertNames.TryParseLevel(alert_level, out var level)) return AlertApiResults.Invalid("alert_level", "alert_level must be info, warning or critical");
            query = query.Where(r => r.Level == level);
        }

        var total = await query.CountAsync(cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
        // One statement: the event figures are correlated subqueries, not a query per rule.
        var rows = await query.OrderBy(r => r.Id).Skip((pageNumber - 1) * size).Take(size)
            .Select(r => new
            {
                Rule = r,
                Active = db.AlertEvents.Count(e => e.AlertRuleId == r.Id && e.Status != AlertEventStatus.Resolved),
                Last24h = db.AlertEvents.Count(e => e.AlertRuleId == r.Id && e.PendingSince >= since),
                LastTrigger = db.AlertEvents.Where(e => e.AlertRuleId == r.Id).Max(e => e.TriggerTime),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(x => new AlertRuleListItem(x.Rule.Id, x.Rule.Name, x.Rule.Enabled, AlertNames.Of(x.Rule.Type), x.Rule.Condition,
            AlertNames.Of(x.Rule.Level), x.Active, x.Last24h, x.LastTrigger, x.Rule.CreatedAt)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<AlertRuleListItem>(items, total, pageNumber, size)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertRuleResponse>>, NotFound<ApiEnvelope>>> GetAlertRule(
        int id, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var rule = await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rule is null ? AlertApiResults.NotFound($"alert rule {id}") : TypedResults.Ok(ApiEnvelope.Ok(AlertRuleResponse.Of(rule)));
    }

    private static async Task<Results<Created<ApiEnvelope<AlertRuleResponse>>, BadRequest<ApiEnvelope>>> CreateAlertRule(
        AlertRuleRequest request, ProbeDbContext db, AlertRuleStore store, CancellationToken cancellationToken)
    {
        var saved = await store.SaveAsync(db, null, request, cancellationToken);
        if (saved.Rule is not { } rule) return AlertApiResults.Invalid(saved.Errors);
        return TypedResults.Created($"/api/v1/alert-rules/{rule.Id}", ApiEnvelope.Ok(AlertRuleResponse.Of(rule)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertRuleResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateAlertRule(
        int id, AlertRuleRequest request, ProbeDbContext db, AlertRuleStore store, CancellationToken cancellationToken)
    {
        var saved = await store.SaveAsync(db, id, request, cancellationToken);
        if (saved.NotFound) return AlertApiResults.NotFound($"alert rule {id}");
        if (saved.Rule is not { } rule) return AlertApiResults.Invalid(saved.Errors);
        return TypedResults.Ok(ApiEnvelope.Ok(AlertRuleResponse.Of(rule)));
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteAlertRule(
        int id, ProbeDbContext db, AlertRuleStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(db, id, cancellationToken)
            ? TypedResults.Ok(ApiEnvelope.Success("alert rule deleted"))
            : AlertApiResults.NotFound($"alert rule {id}");

    private static Results<Ok<ApiEnvelope<ValidateConditionResponse>>, BadRequest<ApiEnvelope>> ValidateCondition(ValidateConditionRequest request)
    {
        if (!AlertNames.TryParseRuleType(request.Type, out var type)) return AlertApiResults.Invalid("type", "type must be host_monitor or service_probe");
        var parsed = ConditionParser.TryParse(request.Condition, type, out var error);
        return TypedResults.Ok(ApiEnvelope.Ok(new ValidateConditionResponse(parsed is not null, error?.Message, error?.Column,
            parsed?.Metrics.ToList() ?? [])));
    }
}
