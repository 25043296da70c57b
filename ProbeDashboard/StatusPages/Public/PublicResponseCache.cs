using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.StatusPages.Public;

/// <summary>
/// The finished responses made from one read of a page's data, attached to that read: they live exactly as long as
/// the data does in <see cref="PublicStatusCache"/> (its lifetime, or until an incident, a monitor's state, the page or
/// a maintenance window changes and the cache is cleared), so bytes are never older than the data they show.
/// Concurrent readers of a missing variant share one render.
/// </summary>
public sealed class PublicResponseCache
{
    /// <summary>
    /// Variants per read: languages × (page at its slug, at its domain) + summary + feeds. The feed's key holds the
    /// Host the reader asked for, so past this many a read renders for each request instead of keeping more.
    /// </summary>
    internal const int MaxVariants = 16;

    private readonly ConditionalWeakTable<PublicStatusPage, ConcurrentDictionary<string, Lazy<Task<PublicResponse>>>> _byRead = [];

    public Task<PublicResponse> GetAsync(PublicStatusPage page, string variant, Func<Task<PublicResponse>> make)
    {
        var variants = _byRead.GetValue(page, _ => new(StringComparer.Ordinal));
        if (variants.Count >= MaxVariants && !variants.ContainsKey(variant)) return make();
        var entry = variants.GetOrAdd(variant, _ => new Lazy<Task<PublicResponse>>(make));
        // A failed render was answered as the error it is; the next reader tries again.
        if (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            variants.TryRemove(KeyValuePair.Create(variant, entry));
            entry = variants.GetOrAdd(variant, _ => new Lazy<Task<PublicResponse>>(make));
        }
        return entry.Value;
    }
}
