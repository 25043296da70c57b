using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;

namespace ProbeDashboard.Audit;

public sealed record AuditEntryResponse(long Id, DateTime Timestamp, string Actor, string Action, string Target, string? Detail);

public static class AuditLogApi
{
    public static void MapAuditLogApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/audit-log", ListAuditLog).RequireAuthorization(Permissions.Admin);

    /// <summary>Newest first; <c>actor</c>/<c>target</c> match parts, <c>action</c> a prefix, <c>from</c>/<c>to</c> RFC 3339 times.</summary>
    internal static async Task<Results<Ok<ApiEnvelope<PagedList<AuditEntryResponse>>>, BadRequest<ApiEnvelope>>> ListAuditLog(
        HttpRequest request, ClaimsPrincipal user, AuditLogService auditLog, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(request.Query);
        var page = reader.Int("page", 1, 1, 100_000);
        var pageSize = reader.Int("page_size", 50, 1, AuditQuery.MaxPageSize);
        var query = new AuditQuery(reader.Text("actor"), reader.Text("action"), reader.Text("target"),
            reader.OptionalTime("from"), reader.OptionalTime("to"));
        if (reader.HasErrors) return TypedResults.BadRequest(ApiEnvelope.Error(400, "invalid query parameters", reader.Errors));

        var (total, entries) = await auditLog.QueryAsync(user.ToActor(), query, (page - 1) * pageSize, pageSize, cancellationToken);
        var items = entries.Select(e => new AuditEntryResponse(e.Id, e.Timestamp, e.Actor, e.Action, e.Target, e.Detail)).ToList();
        return TypedResults.Ok(ApiEnvelope.Ok(new PagedList<AuditEntryResponse>(items, total, page, pageSize)));
    }
}
