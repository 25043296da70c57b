using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Alerts;

/// <summary>Seed 001 §3: alert rules CRUD, through Core's <see cref="AlertRuleService"/>.</summary>
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
        ClaimsPrincipal user, AlertRuleService rules, CancellationToken cancellationToken)
    {
        if (!AlertApiResults.TryPage(page, page_size, out var pageNumber, out var size, out var errors)) return AlertApiResults.Invalid(errors);
        bool? enabled = null;
        AlertRuleType? ruleType = null;
        AlertLevel? level = null;
        if (enable is not null)
        {
            if (!bool.TryParse(enable, out var value)) return AlertApiResults.Invalid("enable", "enable must be true or false");
            enabled = value;
        }
        if (type is not null)
        {
            if (!AlertNames.TryParseRuleType(type, out var value)) return AlertApiResults.Invalid("type", "type must be host_monitor or service_probe");
            ruleType = value;
        }
        if (alert_level is not null)
        {
            if (!AlertNames.TryParseLevel(alert_level, out var value)) return AlertApiResults.Invalid("alert_level", "alert_level must be info, warning or critical");
            level = value;
        }

        var (total, found) = await rules.ListAsync(user.ToActor(), new AlertRuleFilter(enabled, ruleType, level), (pageNumber - 1) * size, size, cancellationToken);
        var items = found.Select(x => new AlertRuleListItem(x.Rule.Id, x.Rule.Name, x.Rule.Enabled, AlertNames.Of(x.Rule.Type), x.Rule.Condition,
            AlertNames.Of(x.Rule.Level), x.ActiveEvents, x.EventsLast24h, x.LastTriggerTime, x.Rule.CreatedAt)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<AlertRuleListItem>(items, total, pageNumber, size)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertRuleResponse>>, NotFound<ApiEnvelope>>> GetAlertRule(
        int id, ClaimsPrincipal user, AlertRuleService rules, CancellationToken cancellationToken)
    {
        var rule = await rules.GetAsync(user.ToActor(), id, cancellationToken);
        return rule is null ? AlertApiResults.NotFound($"alert rule {id}") : TypedResults.Ok(ApiEnvelope.Ok(AlertRuleResponse.Of(rule)));
    }

    private static async Task<Results<Created<ApiEnvelope<AlertRuleResponse>>, BadRequest<ApiEnvelope>>> CreateAlertRule(
        AlertRuleRequest request, ClaimsPrincipal user, AlertRuleService rules, CancellationToken cancellationToken)
    {
        var saved = await rules.CreateAsync(user.ToActor(), request.ToInput(), cancellationToken);
        if (saved.Rule is not { } rule) return AlertApiResults.Invalid(saved.Errors);
        return TypedResults.Created($"/api/v1/alert-rules/{rule.Id}", ApiEnvelope.Ok(AlertRuleResponse.Of(rule)));
    }

    private static async Task<Results<Ok<ApiEnvelope<AlertRuleResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>>> UpdateAlertRule(
        int id, AlertRuleRequest request, ClaimsPrincipal user, AlertRuleService rules, CancellationToken cancellationToken)
    {
        var saved = await rules.UpdateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            AlertRuleSaveOutcome.NotFound => AlertApiResults.NotFound($"alert rule {id}"),
            AlertRuleSaveOutcome.Invalid => AlertApiResults.Invalid(saved.Errors),
            _ => TypedResults.Ok(ApiEnvelope.Ok(AlertRuleResponse.Of(saved.Rule!))),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> DeleteAlertRule(
        int id, ClaimsPrincipal user, AlertRuleService rules, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(user.ToActor(), id, cancellationToken)
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
