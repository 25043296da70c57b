using Polly;
using Polly.Retry;

namespace ProbeDashboard.Core.Resilience;

/// <summary>
/// The product's one retry style (Polly pipelines), for work that must eventually happen: a batch of results
/// reaching the database, an agent's registration and uploads reaching the server. Durable retries that must
/// survive a restart (the notification outbox) keep their schedule in the database instead.
/// </summary>
public static class RetryPipelines
{
    /// <summary>
    /// Retries until the call succeeds or the token passed to <c>ExecuteAsync</c> is cancelled: the first retry
    /// after <paramref name="firstDelay"/>, each next one twice as late, never later than <paramref name="maxDelay"/>.
    /// No jitter, so the delays stay what the logs and tests expect.
    /// </summary>
    /// <param name="shouldRetry">Failures worth another attempt; any other exception ends the call.</param>
    /// <param name="onRetry">Called with the failure and the number of the attempt that failed (1 for the first).</param>
    public static ResiliencePipeline UntilSuccess(
        TimeSpan firstDelay, TimeSpan maxDelay, TimeProvider time, Func<Exception, bool> shouldRetry, Action<Exception, int> onRetry) =>
        Build(time, int.MaxValue, firstDelay, maxDelay, shouldRetry, onRetry);

    /// <summary>Up to <paramref name="attempts"/> attempts one right after the other, for when waiting is no option (shutdown).</summary>
    public static ResiliencePipeline Immediately(int attempts, Func<Exception, bool> shouldRetry, Action<Exception, int> onRetry) =>
        Build(TimeProvider.System, attempts - 1, TimeSpan.Zero, TimeSpan.Zero, shouldRetry, onRetry);

    private static ResiliencePipeline Build(
        TimeProvider time, int retries, TimeSpan firstDelay, TimeSpan maxDelay, Func<Exception, bool> shouldRetry, Action<Exception, int> onRetry) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = firstDelay,
                MaxDelay = maxDelay,
                UseJitter = false,
                // Once the caller's token is cancelled the wait before the next attempt throws
                // OperationCanceledException, so a shutdown always ends the same way, whatever failed last.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && shouldRetry(e)),
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
