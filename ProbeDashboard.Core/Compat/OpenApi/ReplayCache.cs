using Microsoft.Extensions.Options;

namespace ProbeDashboard.Core.Compat.OpenApi;

/// <summary>
/// Remembers signed requests until their <c>time</c> leaves the validity window, so each one is accepted once.
/// Memory is bounded: when full, the entry closest to expiry is dropped first (its replay window is the shortest).
/// </summary>
public sealed class ReplayCache(IOptions<OpenApiOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byExpiry = new();

    public int Count
    {
        get { lock (_lock) return _seen.Count; }
    }

    /// <param name="key">What identifies the request: client, method, path and signature.</param>
    /// <param name="requestTime">The request's signed <c>time</c>.</param>
    /// <returns>False when the same request was already accepted inside the window: a replay.</returns>
    public bool TryAccept(string key, DateTimeOffset requestTime)
    {
        var now = time.GetUtcNow();
        var expiry = requestTime + options.Value.Window;
        lock (_lock)
        {
            while (_byExpiry.TryPeek(out var oldest, out var oldestExpiry) && oldestExpiry <= now)
            {
                _byExpiry.Dequeue();
                Forget(oldest, oldestExpiry);
            }
            if (_seen.ContainsKey(key)) return false;
            while (_seen.Count >= options.Value.ReplayCacheSize && _byExpiry.TryDequeue(out var victim, out var victimExpiry))
                Forget(victim, victimExpiry);
            _seen[key] = expiry;
            _byExpiry.Enqueue(key, expiry);
            return true;
        }
    }

    private void Forget(string key, DateTimeOffset expiry)
    {
        // The queue may hold a key whose dictionary entry was already replaced; only the matching one goes.
        if (_seen.TryGetValue(key, out var stored) && stored == expiry) _seen.Remove(key);
    }
}
