using System.Net;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Resilience;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// Sends the spool's oldest results in batches and forgets them only after the server answered that it
/// committed them. While the server is unreachable the results wait on disk; when it is back they drain in order.
/// </summary>
public sealed partial class AgentUploader(
    AgentApi api, AgentOptions options, AgentSession session, ResultSpool spool, TimeProvider time, ILogger<AgentUploader> logger)
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
    private bool _failing;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var untilUploaded = RetryPipelines.UntilSuccess(FirstRetryDelay, MaxRetryDelay, time, IsRetryable, UploadFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await untilUploaded.ExecuteAsync(UploadOldestAsync, stoppingToken))
                await Task.Delay(IdleWait, time, stoppingToken);
        }
    }

    /// <summary>
    /// Sends the oldest batch and drops it from the spool once the server has it. Each attempt reads the spool
    /// again, so a retry also carries what was probed while the server was away.
    /// </summary>
    /// <returns>False when the spool is empty.</returns>
    private async ValueTask<bool> UploadOldestAsync(CancellationToken cancellationToken)
    {
        var batch = spool.Peek(options.UploadBatchSize);
        if (batch.Lines == 0) return false;
        try
        {
            if (batch.Results.Count > 0) await api.UploadAsync(session.AgentId, batch.Results, cancellationToken);
        }
        catch (AgentApiException e) when (e.Status == HttpStatusCode.BadRequest)
        {
            // The server will never take this batch; keeping it would block every later result.
            LogDropped(logger, batch.Lines, e.Message);
            spool.Acknowledge(batch.Lines);
            return true;
        }
        spool.Acknowledge(batch.Lines);
        session.Reachable();
        if (_failing) LogDraining(logger, spool.Count + batch.Lines);
        _failing = false;
        LogUploaded(logger, batch.Results.Count, spool.Count);
        return true;
    }

    /// <summary>
    /// The network, timeouts and the server's 5xx; and an unknown agent (404), which the heartbeat loop fixes by
    /// registering again, so the retry goes out with the new id.
    /// </summary>
    private static bool IsRetryable(Exception e) =>
        AgentSession.IsTransient(e) || e is AgentApiException { Status: HttpStatusCode.NotFound };

    private void UploadFailed(Exception error, int attempt)
    {
        _failing = true;
        if (AgentSession.IsTransient(error)) session.Unreachable("upload", error, spool.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload works again; draining {QueuedCount} queued results")]
    private static partial void LogDraining(ILogger logger, int queuedCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploaded {ResultCount} results; {QueuedCount} still queued")]
    private static partial void LogUploaded(ILogger logger, int resultCount, int queuedCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server refused {ResultCount} results ({Reason}); they are dropped")]
    private static partial void LogDropped(ILogger logger, int resultCount, string reason);
}
