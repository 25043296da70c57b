using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts.Escalation;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Alerts.Escalation;

/// <summary>Escalation policies CRUD through Core's <see cref="EscalationPolicyService"/>. Part of alert configuration, so alert_rules permissions.</summary>
public static class EscalationPoliciesApi
{
    public static void MapEscalationPoliciesApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/v1/escalation-policies");
        policies.MapGet("", ListEscalationPolicies).RequireAuthorization(Permissions.AlertRulesRead);
        policies.MapGet("/{id:int}", GetEscalationPolicy).RequireAuthorization(Permissions.AlertRulesRead);
        policies.MapPost("", CreateEscalationPolicy).RequireAuthorization(Permissions.AlertRulesWrite);
        policies.MapPut("/{id:int}", UpdateEscalationPolicy).RequireAuthorization(Permissions.AlertRulesWrite);
        policies.MapDelete("/{id:int}", DeleteEscalationPolicy).RequireAuthorization(Permissions.AlertRulesWrite);
    }

    private static async Task<Ok<ApiEnvelope<List<EscalationPolicyResponse>>>> ListEscalationPolicies(
        ClaimsPrincipal user, EscalationPolicyService policies, CancellationToken cancellationToken)
    {
        var found = await policies.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(found.Select(EscalationPolicyResponse.Of).ToList()));
    }

    private static async Task<Results<Ok<ApiEnvelope<EscalationPolicyResponse>>, NotFound<ApiEnvelope>>> GetEscalationPolicy(
        int id, ClaimsPrincipal user, EscalationPolicyService policies, CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(user.ToActor(), id, cancellationToken);
        return policy is null ? AlertApiResults.NotFound($"escalation policy {id}") : TypedResults.Ok(ApiEnvelope.Ok(EscalationPolicyResponse.Of(policy)));
    }

    private static async Task<Results<Created<ApiEnvelope<EscalationPolicyResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateEscalationPolicy(
        EscalationPolicyRequest? request, ClaimsPrincipal user, EscalationPolicyService policies, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await policies.CreateAsync(user.ToActor(), request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            EscalationChangeOutcome.Done => TypedResults.Created($"/api/v1/escalation-policies/{saved.Policy!.Id}", ApiEnvelope.Ok(EscalationPolicyResponse.Of(saved.Policy))),
            EscalationChangeOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            _ => AlertApiResults.Conflict(saved.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope<EscalationPolicyResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> UpdateEscalationPolicy(
        int id, EscalationPolicyRequest? request, ClaimsPrincipal user, EscalationPolicyService policies, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await policies.UpdateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            EscalationChangeOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(EscalationPolicyResponse.Of(saved.Policy!))),
            EscalationChangeOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            EscalationChangeOutcome.NotFound => AlertApiResults.NotFound($"escalation policy {id}"),
            _ => AlertApiResults.Conflict(saved.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteEscalationPolicy(
        int id, ClaimsPrincipal user, EscalationPolicyService policies, CancellationToken cancellationToken)
    {
        var deleted = await policies.DeleteAsync(user.ToActor(), id, cancellationToken);
        return deleted.Outcome switch
        {
            EscalationChangeOutcome.Done => TypedResults.Ok(ApiEnvelope.Success("escalation policy deleted")),
            EscalationChangeOutcome.NotFound => AlertApiResults.NotFound($"escalation policy {id}"),
            _ => AlertApiResults.Conflict(deleted.Message),
        };
    }
}
