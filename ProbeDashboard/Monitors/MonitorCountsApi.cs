using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

/// <summary>
/// The overview's count cards: monitors per shown status. A monitor inside an active maintenance window counts under
/// <c>maintenance</c> only, a paused one under <c>paused</c> only, so the five add up to <c>total</c>.
/// </summary>
public sealed record StatusCountsResponse(int Online, int Offline, int Paused, int Unknown, int Maintenance, int Total)
{
    public static StatusCountsResponse From(StatusCounts c) => new(c.Online, c.Offline, c.Paused, c.Unknown, c.Maintenance, c.Total);
}

internal static class MonitorCountsApi
{
    public static async Task<Ok<ApiEnvelope<StatusCountsResponse>>> GetStatusCounts(
        ClaimsPrincipal user, MonitorQueries monitors, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiEnvelope.Ok(StatusCountsResponse.From(await monitors.GetStatusCountsAsync(user.ToActor(), cancellationToken))));
}
