using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Probing;

/// <summary>
/// Runs one probe round of a monitor: up to 1 + <see cref="MonitorDefinition.Retry"/> attempts, each bounded
/// by the monitor's timeout (cut off at most <see cref="ProbeDeadlines.Tick"/> after it). Never throws for a failed target: every failure becomes a result with a short message.
/// </summary>
public sealed partial class ProbeRunner(IEnumerable<IProbe> probes, ProbeDeadlines deadlines, TimeProvider time, ILogger<ProbeRunner> logger)
{
    private readonly Dictionary<MonitorKind, IProbe> _probes = probes.ToDictionary(p => p.Kind);

    /// <returns>The first successful attempt, or the last failed one; stamped with the round's start time.</returns>
    public async Task<ProbeResult> RunAsync(MonitorDefinition monitor, int hostId, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow().UtcDateTime;
        var attempts = 1 + Math.Max(0, monitor.Retry);
        ProbeOutcome outcome;
        var attempt = 0;
        do
        {
            attempt++;
            outcome = await AttemptAsync(monitor, cancellationToken);
            if (monitor.UpsideDown) outcome = outcome.Inverted();
            LogAttempt(logger, monitor.Id, hostId, attempt, outcome.Success, outcome.LatencyMs, outcome.Error);
        }
        while (!outcome.Success && attempt < attempts);

        return new ProbeResult
        {
            MonitorId = monitor.Id,
            HostId = hostId,
            Timestamp = startedAt,
            Success = outcome.Success,
            LatencyMs = Math.Round(outcome.LatencyMs, 3),
            StatusCode = outcome.StatusCode,
            ErrorMessage = outcome.Error,
            CertificateExpiresAt = outcome.Certificate?.NotAfter,
            CertificateSubject = outcome.Certificate?.Subject,
            CertificateIssuer = outcome.Certificate?.Issuer,
        };
    }

    private async Task<ProbeOutcome> AttemptAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!_probes.TryGetValue(monitor.Kind, out var probe))
            return ProbeOutcome.Down($"monitor type {(int)monitor.Kind} is not supported");

        var timeout = deadlines.After(TimeSpan.FromSeconds(monitor.TimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout);
        try
        {
            return await probe.ProbeAsync(monitor, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Down(ProbeErrors.TimedOut(monitor.TimeoutSeconds));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ProbeOutcome.Down(ProbeErrors.Describe(e));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Probe of monitor {MonitorId} from host {HostId}, attempt {Attempt}: success={Success} in {DurationMs} ms {Error}")]
    private static partial void LogAttempt(ILogger logger, int monitorId, int hostId, int attempt, bool success, double durationMs, string? error);
}
