namespace ProbeDashboard.Bench.Profile;

/// <summary>
/// Which stage of the probe pipeline a sampled stack belongs to. The innermost frame of ours decides (the library
/// code it called is its cost: EF Core under the writer is the writer's); a stack with none of our frames (an async
/// continuation inside HttpClient, Quartz's own scheduler thread) is put by the innermost library frame it has.
/// </summary>
public static class StageRules
{
    public const string Other = "runtime and other (thread pool, timers, unclassified)";

    // Ordered: the first rule whose text the frame name contains wins.
    private static readonly (string Contains, string Stage)[] Ours =
    [
        ("ProbeDashboard.Bench.", "bench harness (sampling loop)"),
        ("ProbeDashboard.Probing.ProbeMonitorJob", "Quartz firing (incl. ProbeMonitorJob)"),
        ("ProbeDashboard.Probing.", "scheduling (catalog, schedule sync, listeners)"),
        ("ProbeDashboard.Core.Probing.ProbingMetrics", "metrics (counters, histograms)"),
        ("ProbeDashboard.Core.Results.ResultWriterMetrics", "metrics (counters, histograms)"),
        ("ProbeDashboard.Core.Events.EventBusMetrics", "metrics (counters, histograms)"),
        ("ProbeDashboard.Core.Probing.ProbeDispatcher", "dispatcher"),
        ("ProbeDashboard.Core.Probing.ProbeRunner", "dispatcher"),
        ("ProbeDashboard.Core.Probing.LatenessHistogram", "dispatcher"),
        ("ProbeDashboard.Core.Probing.ProbeOutcome", "result objects"),
        ("ProbeDashboard.Core.Probing.Http.", "HTTP probe"),
        ("ProbeDashboard.Core.Egress.", "HTTP probe"),
        ("ProbeDashboard.Core.Probing.", "probe (other kinds, options)"),
        ("ProbeDashboard.Core.Results.BatchRollup", "rollups"),
        ("ProbeDashboard.Core.Results.ProbeResult", "result objects"),
        ("ProbeDashboard.Core.Results.ProbeRound", "result objects"),
        ("ProbeDashboard.Core.Results.MonitorRoundTracker", "event bus subscribers"),
        ("ProbeDashboard.Core.Results.MonitorStatusTracker", "event bus subscribers"),
        ("ProbeDashboard.Core.Results.", "writer (SQL, batches)"),
        ("ProbeDashboard.Core.Storage.", "writer (SQL, batches)"),
        ("ProbeDashboard.Core.Events.", "event bus"),
        ("ProbeDashboard.Core.Alerts.", "alert processor"),
        ("ProbeDashboard.Realtime.", "realtime fan-out"),
        ("ProbeDashboard.Core.Compat.", "event bus subscribers"),
        ("ProbeDashboard.Core.StatusPages.", "event bus subscribers"),
        ("ProbeDashboard.Core.Push.", "event bus subscribers"),
        ("ProbeDashboard.", "other of ours"),
    ];

    private static readonly (string Contains, string Stage)[] Libraries =
    [
        ("Quartz", "Quartz firing (incl. ProbeMonitorJob)"),
        ("System.Net.Http", "HTTP probe"),
        ("System.Net.Sockets", "HTTP probe"),
        ("System.Net.Security", "HTTP probe"),
        ("Microsoft.Data.Sqlite", "writer (SQL, batches)"),
        ("SQLitePCL", "writer (SQL, batches)"),
        ("Npgsql", "writer (SQL, batches)"),
        ("Microsoft.EntityFrameworkCore", "EF Core (caller not on the stack)"),
        ("Prometheus", "metrics (counters, histograms)"),
        ("System.Threading.TimerQueue", "timers (TimerQueue firing)"),
        ("System.Diagnostics.Metrics", "metrics (counters, histograms)"),
    ];

    public const string ThreadPool = "thread pool (spin-waiting, waking workers)";

    /// <summary>
    /// Innermost managed frames that decide by themselves: a thread blocked in a wait is sampled as managed code
    /// although it uses no CPU (null stage: not counted); the thread pool's spinning and wake-ups do use it. (Setting an
    /// event is left to its caller: Quartz re-arming its timer is Quartz's cost.)
    /// </summary>
    private static readonly (string Contains, string? Stage)[] Leaves =
    [
        ("System.Threading.LowLevelSpinWaiter", ThreadPool),
        ("System.Threading.LowLevelLifoSemaphore.Wait(", ThreadPool),
        ("System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart", ThreadPool),
        ("Interop+Kernel32.ReleaseSemaphore", ThreadPool),
        ("System.Threading.Thread.<PollGC>", "GC (suspension polls on managed threads)"),
        ("System.Threading.WaitHandle.WaitOneNoCheck", null),
        ("System.Threading.LowLevelLifoSemaphore.WaitForSignal", null),
        ("System.Threading.LowLevelLifoSemaphore.WaitNative", null),
        ("System.Threading.Monitor.Wait", null),
        ("System.Threading.Thread.Sleep", null),
        // The finalizer thread waiting for work: one profile put 42 % of all "on CPU" samples here while /proc gave
        // the thread no CPU at all.
        ("System.GC.RunFinalizers", null),
    ];

    /// <summary>Whether the innermost managed frame decides the stage alone, and which (null: a blocked thread, not CPU).</summary>
    public static bool DecidedByLeaf(string frame, out string? stage)
    {
        foreach (var (contains, leafStage) in Leaves)
        {
            if (!frame.Contains("!" + contains, StringComparison.Ordinal)) continue;
            stage = leafStage;
            return true;
        }
        stage = null;
        return false;
    }

    /// <summary>The stage a frame names as ours (null: not ours).</summary>
    public static string? OfOurs(string frame) =>
        // Frames are "Module!Namespace.Type.Method(...)"; a thread's root frame names the process (and its path) instead.
        frame.Contains("!ProbeDashboard.", StringComparison.Ordinal)
            ? Ours.FirstOrDefault(r => frame.Contains("!" + r.Contains, StringComparison.Ordinal)).Stage
            : null;

    /// <summary>The stage a library frame stands for when no frame of ours is on the stack (null: none).</summary>
    public static string? OfLibrary(string frame) => Libraries.FirstOrDefault(r => frame.Contains("!" + r.Contains, StringComparison.Ordinal)).Stage;
}
