using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Alerts;

/// <summary>Seed 001 §4.3 and §4.4: what operators do to an event. All of it goes through the engine's gate.</summary>
public static class AlertEventActionsApi
{
    private const int MaxNoteLength = AlertActors.MaxNoteLength;
    private const int MaxBulk = 500;

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
        long id, AcknowledgeRequest? request, ClaimsPrincipal user, ProbeDbContext db, AlertProcessor processor, CancellationToken cancellationToken)
    {
        if (request?.Note?.Length > MaxNoteLength) return AlertApiResults.Invalid("note", $"note is longer than {MaxNoteLength} characters");
        var actor = await AlertActors.OfAsync(user, db, cancellationToken);
        var result = await processor.AcknowledgeAsync(id, actor, request?.Note, cancellationToken);
        return result.Outcome switch
        {
            AlertCommandOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(Acknowledged(result.Event!), "alert acknowledged")),
            AlertCommandOutcome.NotFound => AlertApiResults.NotFound($"alert event {id}"),
            _ => AlertApiResults.Conflict(result.Message),
        };
    }

    /// <summary>Acknowledges many events with one note; each id succeeds or fails on its own.</summary>
    private static async Task<Results<Ok<ApiEnvelope<BulkAcknowledgeResponse>>, BadRequest<ApiEnvelope>>> AcknowledgeAlertEvents(
        BulkAcknowledgeRequest? request, ClaimsPrincipal user, ProbeDbContext db, AlertProcessor processor, CancellationToken cancellationToken)
    {
        if (request?.Ids is not { Count: > 0 } ids) return AlertApiResults.Invalid("ids", "ids must list at least one event id");
        if (ids.Count > MaxBulk) return AlertApiResults.Invalid("ids", $"at most {MaxBulk} ids at once");
        if (request.Note?.Length > MaxNoteLength) return AlertApiResults.Invalid("note", $"note is longer than {MaxNoteLength} characters");
        var actor = await AlertActors.OfAsync(user, db, cancellationToken);
        var done = new List<AcknowledgeResponse>();
        var failed = new List<BulkAcknowledgeFailure>();
        foreach (var id in ids.Distinct())
        {
            var result = await processor.AcknowledgeAsync(id, actor, request.Note, cancellationToken);
            if (result.Outcome == AlertCommandOutcome.Done) done.Add(Acknowledged(result.Event!));
            else failed.Add(new BulkAcknowledgeFailure(id, result.Outcome == AlertCommandOutcome.NotFound ? 404 : 409, result.Message));
        }
        return TypedResults.Ok(ApiEnvelope.Ok(new BulkAcknowledgeResponse(done, failed), $"{done.Count} alerts acknowledged"));
    }

    private static async Task<Results<Ok<ApiEnvelope<SilenceResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> SilenceAlertEvent(
        long id, SilenceRequest? request, AlertProcessor processor, CancellationToken cancellationToken)
    {
        if (request?.Duration is not { } duration || duration < 1 || duration > AlertProcessor.MaxSilenceSeconds)
            return AlertApiResults.Invalid("duration", $"duration must be between 1 and {AlertProcessor.MaxSilenceSeconds} seconds");
        var result = await processor.SilenceAsync(id, duration, request.NotifyOnResolve ?? true, cancellationToken);
        return Answer(id, result, "alert silenced");
    }

    private static async Task<Results<Ok<ApiEnvelope<SilenceResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> LiftSilence(
        long id, AlertProcessor processor, CancellationToken cancellationToken) =>
        Answer(id, await processor.LiftSilenceAsync(id, cancellationToken), "silence lifted");

    private static Results<Ok<ApiEnvelope<SilenceResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>> Answer(
        long id, AlertCommandResult result, string message) => result.Outcome switch
    {
        AlertCommandOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(
            new SilenceResponse(id, AlertNames.Of(result.Event!.Status), result.Event.SilenceUntil, result.Event.NotifyOnResolve), message)),
        AlertCommandOutcome.NotFound => AlertApiResults.NotFound($"alert event {id}"),
        _ => AlertApiResults.Conflict(result.Message),
    };

    private static AcknowledgeResponse Acknowledged(AlertEvent e) =>
        new(e.Id, e.Acknowledged, AlertEventListItem.AckUserOf(e), e.AckTime, e.AckNote);
}
