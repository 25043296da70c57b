using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Alerts;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;

namespace ProbeDashboard.Notifications;

/// <summary>Who gets told: notification groups CRUD and "send test" through Core's <see cref="NotificationGroupService"/>. Part of alert configuration, so alert_rules permissions.</summary>
public static class NotificationGroupsApi
{
    public static void MapNotificationGroupsApi(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/api/v1/notification-groups");
        groups.MapGet("", ListNotificationGroups).RequireAuthorization(Permissions.AlertRulesRead);
        groups.MapGet("/{id:int}", GetNotificationGroup).RequireAuthorization(Permissions.AlertRulesRead);
        groups.MapPost("", CreateNotificationGroup).RequireAuthorization(Permissions.AlertRulesWrite);
        groups.MapPut("/{id:int}", UpdateNotificationGroup).RequireAuthorization(Permissions.AlertRulesWrite);
        groups.MapDelete("/{id:int}", DeleteNotificationGroup).RequireAuthorization(Permissions.AlertRulesWrite);
        groups.MapPost("/{id:int}/test", SendTestNotification).RequireAuthorization(Permissions.AlertRulesWrite);
        groups.MapPost("/preview-template", PreviewTemplate).RequireAuthorization(Permissions.AlertRulesRead);
    }

    private static Results<Ok<ApiEnvelope<TemplatePreview>>, BadRequest<ApiEnvelope>> PreviewTemplate(
        TemplatePreviewRequest? request, ClaimsPrincipal user, NotificationGroupService groups)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var (preview, errors) = groups.Preview(user.ToActor(), request.ToInput());
        return preview is null ? AlertApiResults.Invalid(errors) : TypedResults.Ok(ApiEnvelope.Ok(preview));
    }

    private static async Task<Ok<ApiEnvelope<List<NotificationGroupResponse>>>> ListNotificationGroups(
        ClaimsPrincipal user, NotificationGroupService groups, CancellationToken cancellationToken)
    {
        var found = await groups.ListAsync(user.ToActor(), cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(found.Select(NotificationGroupResponse.Of).ToList()));
    }

    private static async Task<Results<Ok<ApiEnvelope<NotificationGroupResponse>>, NotFound<ApiEnvelope>>> GetNotificationGroup(
        int id, ClaimsPrincipal user, NotificationGroupService groups, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(user.ToActor(), id, cancellationToken);
        return group is null ? AlertApiResults.NotFound($"notification group {id}") : TypedResults.Ok(ApiEnvelope.Ok(NotificationGroupResponse.Of(group)));
    }

    private static async Task<Results<Created<ApiEnvelope<NotificationGroupResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateNotificationGroup(
        NotificationGroupRequest? request, ClaimsPrincipal user, NotificationGroupService groups, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await groups.CreateAsync(user.ToActor(), request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            GroupChangeOutcome.Done => TypedResults.Created($"/api/v1/notification-groups/{saved.Group!.Id}", ApiEnvelope.Ok(NotificationGroupResponse.Of(saved.Group))),
            GroupChangeOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            _ => AlertApiResults.Conflict(saved.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope<NotificationGroupResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> UpdateNotificationGroup(
        int id, NotificationGroupRequest? request, ClaimsPrincipal user, NotificationGroupService groups, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var saved = await groups.UpdateAsync(user.ToActor(), id, request.ToInput(), cancellationToken);
        return saved.Outcome switch
        {
            GroupChangeOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(NotificationGroupResponse.Of(saved.Group!))),
            GroupChangeOutcome.Invalid => AlertApiResults.Invalid(saved.Errors!),
            GroupChangeOutcome.NotFound => AlertApiResults.NotFound($"notification group {id}"),
            _ => AlertApiResults.Conflict(saved.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteNotificationGroup(
        int id, ClaimsPrincipal user, NotificationGroupService groups, CancellationToken cancellationToken)
    {
        var deleted = await groups.DeleteAsync(user.ToActor(), id, cancellationToken);
        return deleted.Outcome switch
        {
            GroupChangeOutcome.Done => TypedResults.Ok(ApiEnvelope.Success("notification group deleted")),
            GroupChangeOutcome.NotFound => AlertApiResults.NotFound($"notification group {id}"),
            _ => AlertApiResults.Conflict(deleted.Message),
        };
    }

    private static async Task<Results<Ok<ApiEnvelope<TestNotificationResponse>>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> SendTestNotification(
        int id, ClaimsPrincipal user, NotificationGroupService groups, CancellationToken cancellationToken)
    {
        var sent = await groups.SendTestAsync(user.ToActor(), id, cancellationToken);
        return sent.Outcome switch
        {
            GroupChangeOutcome.Done => TypedResults.Ok(ApiEnvelope.Ok(new TestNotificationResponse(sent.Queued, sent.OutboxIds!), "test notification queued")),
            GroupChangeOutcome.NotFound => AlertApiResults.NotFound($"notification group {id}"),
            _ => AlertApiResults.Conflict(sent.Message),
        };
    }
}
