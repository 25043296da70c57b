using ProbeDashboard.Core.Resilience;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Resilience;

public class RetryPipelinesTests
{
    [Fact]
    public async Task Retries_until_success_doubling_the_wait_up_to_the_cap_on_the_injected_clock()
    {
        var clock = new InstantTimers();
        var failures = new List<int>();
        var pipeline = RetryPipelines.UntilSuccess(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), clock,
            e => e is IOException, (_, attempt) => failures.Add(attempt));
        var calls = 0;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await pipeline.ExecuteAsync(_ => ++calls < 8 ? throw new IOException("down") : ValueTask.FromResult(calls), cts.Token);

        Assert.Equal(8, result);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], failures);
        Assert.Equal(new[] { 200, 400, 800, 1600, 3200, 5000, 5000 }.Select(ms => TimeSpan.FromMilliseconds(ms)), clock.Waits);
    }

    [Fact]
    public async Task A_failure_it_should_not_retry_ends_the_call_at_once()
    {
        var clock = new InstantTimers();
        var pipeline = RetryPipelines.UntilSuccess(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), clock,
            e => e is IOException, (_, _) => { });
        var calls = 0;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(async () =>
            await pipeline.ExecuteAsync(_ => { calls++; throw new UnauthorizedAccessException("token rejected"); }, CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.Empty(clock.Waits);
    }

    [Fact]
    public async Task Immediately_gives_up_after_the_attempts_with_the_last_failure()
    {
        var failures = new List<int>();
        var pipeline = RetryPipelines.Immediately(3, e => e is IOException, (_, attempt) => failures.Add(attempt));
        var calls = 0;

        var error = await Assert.ThrowsAsync<IOException>(async () =>
            await pipeline.ExecuteAsync(_ => throw new IOException($"failure {++calls}"), CancellationToken.None));

        Assert.Equal("failure 3", error.Message);
        Assert.Equal([1, 2], failures);
    }
}
