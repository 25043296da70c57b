using Microsoft.Extensions.Hosting;
using ProbeDashboard.Operations;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Integration.Operations;

public class StartupMemoryReleaseTests
{
    [Fact]
    public async Task Once_the_server_has_started_and_settled_the_start_ups_memory_is_released_once()
    {
        var lifetime = new Lifetime();
        var clock = new InstantTimers();
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        using var service = new StartupMemoryRelease(lifetime, clock, () => { Interlocked.Increment(ref count); released.TrySetResult(); });
        await service.StartAsync(CancellationToken.None);
        Assert.Empty(clock.Waits); // nothing is timed before the server has started

        lifetime.Start();

        await released.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);
        Assert.Equal(1, count);
        Assert.Equal([StartupMemoryRelease.After], clock.Waits);
    }

    [Fact]
    public async Task A_server_stopped_before_it_started_releases_nothing()
    {
        var count = 0;
        using var service = new StartupMemoryRelease(new Lifetime(), new InstantTimers(), () => count++);
        await service.StartAsync(CancellationToken.None);

        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, count);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();
        public CancellationToken ApplicationStarted => _started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void Start() => _started.Cancel();
        public void StopApplication() { }
    }
}
