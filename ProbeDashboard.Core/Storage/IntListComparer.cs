using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// Change tracking for <c>List&lt;int&gt;</c> columns (host ids, dependencies, expiry thresholds), compared element by
/// element and snapshotted as a copy. One instance, so its delegates are compiled once per process: EF's own
/// primitive-collection comparer built and compiled new element comparers on every save (3 % of a monitor create), and
/// the JSON comparer serialized both sides of every compare.
/// </summary>
internal static class IntListComparer
{
    public static readonly ValueComparer<List<int>> Instance = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        v => v.Aggregate(17, (hash, item) => unchecked(hash * 31 + item)),
        v => new List<int>(v));
}
