namespace ProbeDashboard.Tests.Support;

/// <summary>Waits for background work (engine, dispatcher) to reach a state, polling instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, int timeoutMs = 20_000) where T : class
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (cts.IsCancellationRequested) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, int timeoutMs = 20_000)
    {
        await GetAsync<object>(async () => await probe() ? new object() : null, what, timeoutMs);
    }

    public static Task TrueAsync(Func<bool> probe, string what, int timeoutMs = 20_000) =>
        TrueAsync(() => Task.FromResult(probe()), what, timeoutMs);
}
