namespace ProbeDashboard.Bench.Push;

/// <summary>
/// Requests each path once per period, the paths spread evenly over the period, as a fleet of cron jobs pinging their
/// push URLs would: one loop walks the list on a 10 ms tick (no timer per monitor) with at most 64 requests in flight.
/// </summary>
public sealed class PushPinger(string baseUrl, IReadOnlyList<string> paths, TimeSpan period)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl) };
    private int _failed;

    public int Failed => _failed;

    public async Task RunAsync(CancellationToken stop)
    {
        using var limit = new SemaphoreSlim(64);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var started = DateTime.UtcNow;
        long sent = 0;
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                // How many pings are due by now, counting the list round and round once per period.
                var due = (long)((DateTime.UtcNow - started) / period * paths.Count);
                for (; sent < due; sent++)
                {
                    await limit.WaitAsync(stop);
                    _ = PingAsync(paths[(int)(sent % paths.Count)], limit);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    private async Task PingAsync(string path, SemaphoreSlim limit)
    {
        try
        {
            using var response = await _http.GetAsync(path);
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref _failed);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            limit.Release();
        }
    }
}
