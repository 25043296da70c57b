using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Alerts;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.StatusPages.Subscriptions;

namespace ProbeDashboard.StatusPages.Subscriptions;

/// <summary>
/// A status page's e-mail subscribers for operators, through Core's <see cref="SubscriptionService"/>: how many there
/// are, and removing one address. The addresses themselves are never listed (personal data the page does not need).
/// </summary>
public static class SubscribersApi
{
    public static void MapSubscribersApi(this IEndpointRouteBuilder app)
    {
        var subscribers = app.MapGroup("/api/v1/status-pages/{id:int}/subscribers").WithTags("Status pages");
        subscribers.MapGet("", CountSubscribers).RequireAuthorization(Permissions.ServiceMonitorsRead)
            .WithSummary("Count a status page's e-mail subscribers")
            .WithDescription("Confirmed subscribers get mail; pending ones have a confirmation link that has not been followed and has not expired.");
        subscribers.MapDelete("/{email}", RemoveSubscriber).RequireAuthorization(Permissions.ServiceMonitorsWrite)
            .WithSummary("Remove an address from a status page's subscribers")
            .WithDescription("Confirmed or pending; the address (URL-encoded) is matched without regard to case. Audited.");
    }

    private static async Task<Results<Ok<ApiEnvelope<SubscriberCountsResponse>>, NotFound<ApiEnvelope>>> CountSubscribers(
        int id, ClaimsPrincipal user, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var counts = await subscriptions.CountsAsync(user.ToActor(), id, cancellationToken);
        return counts is null ? AlertApiResults.NotFound($"status page {id}") : TypedResults.Ok(ApiEnvelope.Ok(new SubscriberCountsResponse(counts.Confirmed, counts.Pending)));
    }

    private static async Task<Results<Ok<ApiEnvelope>, NotFound<ApiEnvelope>>> RemoveSubscriber(
        int id, string email, ClaimsPrincipal user, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var removed = await subscriptions.RemoveAsync(user.ToActor(), id, email, cancellationToken);
        return removed.Outcome switch
        {
            SubscriptionOutcome.Done => TypedResults.Ok(ApiEnvelope.Success("subscriber removed")),
            SubscriptionOutcome.PageNotFound => AlertApiResults.NotFound($"status page {id}"),
            _ => AlertApiResults.NotFound($"subscriber {email} of status page {id}"),
        };
    }
}

public sealed record SubscriberCountsResponse(int Confirmed, int Pending);
