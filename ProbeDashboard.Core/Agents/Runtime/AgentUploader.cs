using System.Net;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// Sends the spool's oldest results in batches and forgets them only after the server answered that it
/// committed them. While the server is unreachable the results wait on disk; when it is back they drain in order.
/// </summary>
public sealed partial class AgentUploader(
    AgentApi api, AgentOptions options, AgentSession session, ResultSpool spool, TimeProvider time, ILogger<AgentUploader> logger)
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.FromMilliseconds(200);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = spool.Peek(options.UploadBatchSize);
            if (batch.Lines == 0)
            {
                await Task.Delay(IdleWait, time, stoppingToken);
                continue;
            }
            try
            {
                if (batch.Results.Count > 0) await api.UploadAsync(session.AgentId, batch.Results, stoppingToken);
                spool.Acknowledge(batch.Lines);
                session.Reachable();
                if (failing) LogDraining(logger, spool.Count + batch.Lines);
                failing = false;
                retryDelay = TimeSpan.FromMilliseconds(200);
                LogUploaded(logger, batch.Results.Count, spool.Count);
                continue;
            }
            catch (AgentApiException e) when (e.Status == HttpStatusCode.BadRequest)
            {
                // The server will never take this batch; keeping it would block every later result.
                LogDropped(logger, batch.Lines, e.Message);
                spool.Acknowledge(batch.Lines);
                continue;
            }
            catch (AgentApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                // Unknown agent: the heartbeat loop registers again; retry with the new id.
                failing = true;
            }
            catch (Exception e) when (AgentSession.IsTransient(e) && !stoppingToken.IsCancellationRequested)
            {
                session.Unreachable("upload", e, spool.Count);
                failing = true;
            }
            await Task.Delay(retryDelay, time, stoppingToken);
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload works again; draining {QueuedCount} queued results")]
    private static partial void LogDraining(ILogger logger, int queuedCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploaded {ResultCount} results; {QueuedCount} still queued")]
    private static partial void LogUploaded(ILogger logger, int resultCount, int queuedCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server refused {ResultCount} results ({Reason}); they are dropped")]
    private static partial void LogDropped(ILogger logger, int resultCount, string reason);
}
