using System.Collections.Concurrent;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>
/// Keeps each public page's data for <see cref="Lifetime"/>, so a page under load costs a few queries every few
/// seconds, not per request. Concurrent readers of an expired entry share one read. Edits to pages clear it at once
/// on this node; other nodes of a cluster catch up within the lifetime.
/// </summary>
public sealed class PublicStatusCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached value for <paramref name="key"/>, or the one <paramref name="read"/> makes when there is none or it expired.</summary>
    public Task<T> GetAsync<T>(string key, Func<Task<T>> read)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
            return (Task<T>)entry.Value;
        var fresh = new Entry(now + Lifetime, read());
        _entries[key] = fresh;
        return (Task<T>)fresh.Value;
    }

    /// <summary>Forgets everything: a page was created, changed or deleted.</summary>
    public void Invalidate() => _entries.Clear();

    private sealed record Entry(DateTimeOffset Expires, Task Value);
}
