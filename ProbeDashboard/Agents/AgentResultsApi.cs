using System.Globalization;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Agents;

internal static class AgentResultsApi
{
    public const int MaxBatch = 1000;
    private const int MaxErrorLength = 500;

    /// <summary>
    /// Stores a batch of an agent's results (host_id = the agent) through the single writer and answers only after
    /// the transaction that holds them committed, so the agent may then forget them.
    /// </summary>
    internal static async Task<IResult> UploadResults(
        HttpRequest request, AgentService agents, CancellationToken cancellationToken)
    {
        var (upload, problem) = await AgentResults.ReadBodyAsync<ResultUpload>(request, cancellationToken);
        if (problem is not null) return problem;
        if (upload!.AgentId is not { } agentId || agentId < 1) return AgentResults.BadRequest("agentId must be a positive integer");
        if (upload.Results is not { } items) return AgentResults.BadRequest("results is required");
        if (items.Count > MaxBatch) return AgentResults.BadRequest($"at most {MaxBatch} results per upload");
        var invalid = items.Select((r, i) => (Problem: Problem(r), Index: i)).FirstOrDefault(p => p.Problem is not null);
        if (invalid.Problem is not null) return AgentResults.BadRequest($"results[{invalid.Index}]: {invalid.Problem}");
        var results = items.Select(r => new ProbeResult
        {
            MonitorId = r.MonitorId,
            HostId = agentId,
            Timestamp = Utc(r.Timestamp),
            Success = r.Success,
            LatencyMs = Math.Round(r.LatencyMs, 3),
            StatusCode = r.StatusCode,
            ErrorMessage = r.ErrorMessage is { Length: > MaxErrorLength } e ? e[..MaxErrorLength] : r.ErrorMessage,
            CertificateExpiresAt = r.CertificateExpiresAt is { } expiry ? Utc(expiry) : null,
            CertificateSubject = r.CertificateSubject,
            CertificateIssuer = r.CertificateIssuer,
        }).ToList();
        var id = agentId.ToString(CultureInfo.InvariantCulture);
        return await agents.SubmitResultsAsync(AgentActors.For("#" + id), agentId, results, cancellationToken)
            ? AgentResults.Ok(new ResultUploadResponse(results.Count))
            : AgentResults.UnknownAgent(id);
    }

    private static string? Problem(UploadedResult? r) => r switch
    {
        null => "must be an object",
        { MonitorId: < 1 } => "monitorId must be a positive integer",
        { Timestamp.Year: < 2000 } => "timestamp is required",
        { LatencyMs: < 0 or double.NaN or double.PositiveInfinity } => "latencyMs must be a number of milliseconds, 0 or more",
        { StatusCode: < 0 or > 999 } => "statusCode must be 0 or an HTTP status",
        _ => null,
    };

    /// <summary>A time without an offset is taken as UTC, like every time on these paths.</summary>
    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
