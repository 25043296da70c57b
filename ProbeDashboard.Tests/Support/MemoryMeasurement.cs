namespace ProbeDashboard.Tests.Support;

/// <summary>
/// Tests that measure allocations run in this collection: xunit runs it alone, after the parallel ones, so the
/// process-wide allocation counter is not inflated by other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurements";

    /// <summary>Bytes allocated by the whole process while <paramref name="action"/> runs (precise, not sampled).</summary>
    public static async Task<(T Value, long AllocatedBytes)> AllocatedDuringAsync<T>(Func<Task<T>> action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var value = await action();
        return (value, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
