namespace ProbeDashboard.Operations;

/// <summary>
/// Gives back to the system, once, the memory that start-up used and no longer needs. Building the EF Core model,
/// checking the schema, loading the schedule and serving the first pages allocate far more short-lived objects than
/// an idle server keeps, and the GC keeps the memory it committed for them (49 MB committed for a 19 MB heap, idle
/// after a start) because an idle server collects too rarely to return it. One aggressive full collection shortly
/// after start-up decommits it: about 30 MB less resident memory at idle (docs/PERFORMANCE.md). It pauses the process
/// once, for milliseconds, before real load has built up.
/// </summary>
public sealed class StartupMemoryRelease : BackgroundService
{
    /// <summary>After the server has started: long enough for the start-up work, short enough to come before real load.</summary>
    internal static readonly TimeSpan After = TimeSpan.FromSeconds(10);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly Action _release;

    public StartupMemoryRelease(IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StartupMemoryRelease> logger)
        : this(lifetime, time, () => Release(logger)) { }

    internal StartupMemoryRelease(IHostApplicationLifetime lifetime, TimeProvider time, Action release) =>
        (_lifetime, _time, _release) = (lifetime, time, release);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(started.SetResult))
            await started.Task.WaitAsync(stoppingToken);
        await Task.Delay(After, _time, stoppingToken);
        _release();
    }

    /// <summary>A server already holding this much live data is under real load: its GC runs anyway, and a full
    /// compacting collection of a large heap would pause probing for longer.</summary>
    private const long BusyHeapBytes = 64L * 1024 * 1024;

    private static void Release(ILogger logger)
    {
        var info = GC.GetGCMemoryInfo();
        if (info.HeapSizeBytes > BusyHeapBytes) return;
        var before = info.TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogDebug("Start-up memory released: the GC's committed memory went from {Before} to {After} bytes", before,
            GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
