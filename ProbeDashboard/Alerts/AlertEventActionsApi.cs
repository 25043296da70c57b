using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Alerts;

/// <summary>Seed 001 §4.3 and §4.4: what operators do to an event, through Core's <see cref="AlertEventService"/>.</summary>
public static class AlertEventActionsApi
{
    public static void MapAlertEventActionsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1/alert-events").RequireAuthorization(Permissions.AlertEventsWrite);
        events.MapPost("/{id:long}/acknowledge", AcknowledgeAlertEvent);
        events.MapPost("/acknowledge", AcknowledgeAlertEvents);
        events.MapPost("/{id:long}/silence", SilenceAlertEvent);
        events.MapDelete("/{id:long}/silence", LiftSilence);
        events.MapPost("/{id:long}/unsilence", LiftSilence);
    }

    private static async Task<Results<Ok<ApiEnvelope<AcknowledgeResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> AcknowledgeAlertEvent(
        long id, AcknowledgeRequest? request, ClaimsPrincipal user, AlertEventService events, CancellationToken cancellationToken)
    {
        var result = await events.AcknowledgeAsync(user.ToActor(), id, request?.Note, cancellationToken);
        return result.Outcome switch
        {
            AlertCommandOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(Acknowledged(result.Event!), "alert acknowledged")),
            AlertCommandOutcome.Invalid => AlertApiResults.Invalid(result.Field!, result.Message),
            AlertCommandOutcome.NotFound => AlertApiResults.NotFound($"alert event {id}"),
            _ => AlertApiResults.Conflict(result.Message),
        };
    }

    /// <summary>Acknowledges many events with one note; each id succeeds or fails on its own.</summary>
    private static async Task<Results<Ok<ApiEnvelope<BulkAcknowledgeResponse>>, BadRequest<ApiEnvelope>>> AcknowledgeAlertEvents(
        BulkAcknowledgeRequest? request, ClaimsPrincipal user, AlertEventService events, CancellationToken cancellationToken)
    {
        var ids = request?.Ids ?? [];
        var results = await events.AcknowledgeManyAsync(user.ToActor(), ids, request?.Note, cancellationToken);
        if (results.FirstOrDefault(r => r.Outcome == AlertCommandOutcome.Invalid) is { } invalid) return AlertApiResults.Invalid(invalid.Field!, invalid.Message);
        var done = new List<AcknowledgeResponse>();
        var failed = new List<BulkAcknowledgeFailure>();
        foreach (var (id, result) in ids.Distinct().Zip(results))
        {
            if (result.Outcome == AlertCommandOutcome.Done) done.Add(Acknowledged(result.Event!));
            else failed.Add(new BulkAcknowledgeFailure(id, result.Outcome == AlertCommandOutcome.NotFound ? 404 : 409, result.Message));
        }
        return TypedResults.Ok(ApiEnvelope.Ok(new BulkAcknowledgeResponse(done, failed), $"{done.Count} alerts acknowledged"));
    }

    private static async Task<Results<Ok<ApiEnvelope<SilenceResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> SilenceAlertEvent(
        long id, SilenceRequest? request, ClaimsPrincipal user, AlertEventService events, CancellationToken cancellationToken)
    {
        // A missing duration is as wrong as a zero one; the service words the error.
        var result = await events.SilenceAsync(user.ToActor(), id, request?.Duration ?? 0, request?.NotifyOnResolve ?? true, cancellationToken);
        return Answer(id, result, "alert silenced");
    }

    private static async Task<Results<Ok<ApiEnvelope<SilenceResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> LiftSilence(
        long id, ClaimsPrincipal user, AlertEventService events, CancellationToken cancellationToken) =>
        Answer(id, await events.LiftSilenceAsync(user.ToActor(), id, cancellationToken), "silence lifted");

    private static Results<Ok<ApiEnvelope<SilenceResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>> Answer(
        long id, AlertCommandResult result, string message) => result.Outcome switch
    {
        AlertCommandOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(
            new SilenceResponse(id, AlertNames.Of(result.Event!.Status), result.Event.SilenceUntil, result.Event.NotifyOnResolve), message)),
        AlertCommandOutcome.Invalid => AlertApiResults.Invalid(result.Field!, result.Message),
        AlertCommandOutcome.NotFound => AlertApiResults.NotFound($"alert event {id}"),
        _ => AlertApiResults.Conflict(result.Message),
    };

    private static AcknowledgeResponse Acknowledged(AlertEvent e) =>
        new(e.Id, e.Acknowledged, AlertEventListItem.AckUserOf(e), e.AckTime, e.AckNote);
}
