using System.Collections.Concurrent;

namespace ProbeDashboard.Core.StatusPages;

/// <summary>
/// Keeps each public page's data for <see cref="Lifetime"/> (or less, see <see cref="GetAsync{T}"/>), so a page under
/// load costs a few queries every few seconds, not per request; the host keeps the finished response bytes beside
/// each read. Concurrent readers of an expired entry share one read. What a reader must see at once clears it on this
/// node: edits to pages, incidents and maintenance windows, and a shown monitor changing state
/// (<see cref="PublicStatusInvalidation"/>, which hears other nodes' state changes too).
/// </summary>
public sealed class PublicStatusCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cached value for <paramref name="key"/>, or the one <paramref name="read"/> makes when there is none or it expired.</summary>
    /// <param name="expiresBy">
    /// When the value itself goes stale before the lifetime ends (a maintenance window starts or ends), so the entry
    /// is read again then.
    /// </param>
    public Task<T> GetAsync<T>(string key, Func<Task<T>> read, Func<T, DateTimeOffset?>? expiresBy = null)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now && !entry.Value.IsFaulted && !entry.Value.IsCanceled)
            return (Task<T>)entry.Value;
        var fresh = new Entry(now + Lifetime, read());
        _entries[key] = fresh;
        if (expiresBy is not null)
            fresh.Value.ContinueWith(done => { if (done.IsCompletedSuccessfully && expiresBy(((Task<T>)done).Result) is { } at) fresh.ShortenTo(at); },
                TaskContinuationOptions.ExecuteSynchronously);
        return (Task<T>)fresh.Value;
    }

    /// <summary>The value read for <paramref name="key"/>, if one was read, has not expired and is complete; never reads.</summary>
    public bool TryPeek<T>(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow() && entry.Value is Task<T> { IsCompletedSuccessfully: true } done)
        {
            value = done.Result;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Forgets everything: a page was created, changed or deleted, or something shown on one changed.</summary>
    public void Invalidate() => _entries.Clear();

    /// <summary>Forgets the entry of <paramref name="key"/>.</summary>
    public void Forget(string key) => _entries.TryRemove(key, out _);

    /// <summary>Forgets the entries whose key starts with <paramref name="prefix"/>: one kind of read went stale, the others did not.</summary>
    public void Invalidate(string prefix)
    {
        foreach (var key in _entries.Keys)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) _entries.TryRemove(key, out _);
    }

    private sealed class Entry(DateTimeOffset expires, Task value)
    {
        private long _expiresTicks = expires.UtcTicks;

        public DateTimeOffset Expires => new(Interlocked.Read(ref _expiresTicks), TimeSpan.Zero);
        public Task Value { get; } = value;

        public void ShortenTo(DateTimeOffset at)
        {
            long seen;
            while (at.UtcTicks < (seen = Interlocked.Read(ref _expiresTicks)) && Interlocked.CompareExchange(ref _expiresTicks, at.UtcTicks, seen) != seen) { }
        }
    }
}
