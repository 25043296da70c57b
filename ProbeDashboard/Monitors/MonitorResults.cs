using Microsoft.AspNetCore.Http.HttpResults;
using ProbeDashboard.Api;

namespace ProbeDashboard.Monitors;

/// <summary>The error answers the monitor endpoints share.</summary>
internal static class MonitorResults
{
    public static NotFound<ApiEnvelope> NotFound(int id) =>
        TypedResults.NotFound(ApiEnvelope.Error(404, $"service monitor {id} not found"));

    public static BadRequest<ApiEnvelope> Invalid(IReadOnlyDictionary<string, string[]> errors, string message = "invalid service monitor") =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, $"{message}: {string.Join(", ", errors.Keys)}", errors));

    public static BadRequest<ApiEnvelope> MissingBody() =>
        TypedResults.BadRequest(ApiEnvelope.Error(400, "request body is required",
            new Dictionary<string, string[]> { ["body"] = ["is required"] }));
}
