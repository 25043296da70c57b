using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;

namespace ProbeDashboard.Alerts;

/// <summary>The error answers the alerting endpoints share, in the API's envelope.</summary>
internal static class AlertApiResults
{
    public static BadRequest<ApiEnvelope> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, errors.Count == 1 ? errors.First().Value[0] : "request is invalid", errors));

    public static BadRequest<ApiEnvelope> Invalid(string field, string message) =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, message, new Dictionary<string, string[]> { [field] = [message] }));

    public static NotFound<ApiEnvelope> NotFound(string what) => TypedResults.NotFound(ApiEnvelope.Error(404, $"{what} not found"));

    public static Conflict<ApiEnvelope> Conflict(string message) => TypedResults.Conflict(ApiEnvelope.Error(409, message));

    /// <summary>Reads page and page_size; null values take the defaults (1, 20), page_size is at most 200.</summary>
    public static bool TryPage(string? page, string? pageSize, out int pageNumber, out int size, out Dictionary<string, string[]> errors)
    {
        errors = [];
        pageNumber = 1;
        size = 20;
        if (page is not null && (!int.TryParse(page, out pageNumber) || pageNumber < 1)) errors["page"] = ["page must be a positive integer"];
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size is < 1 or > 200)) errors["page_size"] = ["page_size must be between 1 and 200"];
        return errors.Count == 0;
    }
}
