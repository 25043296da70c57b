using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Alerts;
using ProbeDashboard.Api;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Notifications;

/// <summary>Who gets told: notification groups CRUD and "send test". Part of alert configuration, so alert_rules permissions.</summary>
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
    }

    private static async Task<Ok<ApiEnvelope<List<NotificationGroupResponse>>>> ListNotificationGroups(ProbeDbContext db, CancellationToken cancellationToken)
    {
        var groups = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(groups.Select(NotificationGroupResponse.Of).ToList()));
    }

    private static async Task<Results<Ok<ApiEnvelope<NotificationGroupResponse>>, NotFound<ApiEnvelope>>> GetNotificationGroup(
        int id, ProbeDbContext db, CancellationToken cancellationToken)
    {
        var group = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        return group is null ? AlertApiResults.NotFound($"notification group {id}") : TypedResults.Ok(ApiEnvelope.Ok(NotificationGroupResponse.Of(group)));
    }

    private static async Task<Results<Created<ApiEnvelope<NotificationGroupResponse>>, BadRequest<ApiEnvelope>, Conflict<ApiEnvelope>>> CreateNotificationGroup(
        NotificationGroupRequest? request, ProbeDbContext db, SecretProtector secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var errors = request.Validate();
        if (errors.Count > 0) return AlertApiResults.Invalid(errors);
        var name = request.Name!.Trim();
        if (await db.NotificationGroups.AnyAsync(g => g.Name == name, cancellationToken))
            return AlertApiResults.Conflict($"a notification group named '{name}' exists");
        var now = time.GetUtcNow().UtcDateTime;
        var group = new NotificationGroup { Name = name, CreatedAt = now, UpdatedAt = now, Recipients = request.Recipients([], secrets) };
        db.NotificationGroups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/notification-groups/{group.Id}", ApiEnvelope.Ok(NotificationGroupResponse.Of(group)));
    }

    private static async Task<Results<Ok<ApiEnvelope<NotificationGroupResponse>>, BadRequest<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> UpdateNotificationGroup(
        int id, NotificationGroupRequest? request, ProbeDbContext db, SecretProtector secrets, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null) return AlertApiResults.Invalid("body", "request body is required");
        var group = await db.NotificationGroups.Include(g => g.Recipients).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return AlertApiResults.NotFound($"notification group {id}");
        var errors = request.Validate();
        if (errors.Count > 0) return AlertApiResults.Invalid(errors);
        var name = request.Name!.Trim();
        if (await db.NotificationGroups.AnyAsync(g => g.Name == name && g.Id != id, cancellationToken))
            return AlertApiResults.Conflict($"a notification group named '{name}' exists");
        var recipients = request.Recipients(group.Recipients, secrets);
        db.NotificationRecipients.RemoveRange(group.Recipients);
        group.Recipients = recipients;
        group.Name = name;
        group.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Ok(NotificationGroupResponse.Of(group)));
    }

    /// <summary>Refused while rules or monitors still send to the group, so no alert silently loses its audience.</summary>
    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> DeleteNotificationGroup(
        int id, ProbeDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.NotificationGroups.AnyAsync(g => g.Id == id, cancellationToken)) return AlertApiResults.NotFound($"notification group {id}");
        var rules = await db.AlertRules.CountAsync(r => r.NotificationGroupId == id, cancellationToken);
        var monitors = await db.Monitors.CountAsync(m => m.NotificationGroupId == id, cancellationToken);
        if (rules + monitors > 0)
            return AlertApiResults.Conflict($"notification group {id} is used by {rules} alert rules and {monitors} monitors");
        await db.NotificationGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(ApiEnvelope.Success("notification group deleted"));
    }

    /// <summary>Queues a test message to every recipient; its delivery shows in the outbox like any other.</summary>
    private static async Task<Results<Ok<ApiEnvelope<TestNotificationResponse>>, NotFound<ApiEnvelope>, Conflict<ApiEnvelope>>> SendTestNotification(
        int id, ProbeDbContext db, NotificationComposer composer, NotificationSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var group = await db.NotificationGroups.AsNoTracking().Include(g => g.Recipients).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null) return AlertApiResults.NotFound($"notification group {id}");
        if (group.Recipients.Count == 0) return AlertApiResults.Conflict($"notification group {id} has no recipients");
        var messages = composer.ComposeTest(group, time.GetUtcNow().UtcDateTime).ToList();
        db.NotificationOutbox.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Ok(ApiEnvelope.Ok(new TestNotificationResponse(messages.Count, messages.Select(m => m.Id).ToList()), "test notification queued"));
    }
}
