using System.Globalization;

namespace ProbeDashboard.Bench;

/// <summary>The <c>--name N</c> pairs of a bench mode's command line.</summary>
public static class NamedNumbers
{
    public static Func<string, int, int> Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal) ? e.Current[2..] : throw new ArgumentException($"unexpected argument '{e.Current}'");
            if (!e.MoveNext()) throw new ArgumentException($"--{name} needs a number");
            values[name] = int.Parse(e.Current, CultureInfo.InvariantCulture);
        }
        return (name, fallback) => values.GetValueOrDefault(name, fallback);
    }

    /// <summary>Median, p95 and max of timings in milliseconds.</summary>
    public static string Describe(IEnumerable<double> ms)
    {
        var sorted = ms.Order().ToList();
        return $"median {Median(sorted):F1} ms, p95 {Quantile(sorted, 0.95):F1} ms, p99 {Quantile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms (n={sorted.Count})";
    }

    /// <summary>The middle value, or the mean of the two middle ones for an even count.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The value at quantile <paramref name="q"/> (0.95 for p95) of values sorted ascending.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}
