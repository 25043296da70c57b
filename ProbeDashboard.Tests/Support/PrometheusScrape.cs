using System.Globalization;
using System.Text.RegularExpressions;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// A strict reader of the Prometheus text format, written from the format's description, so tests prove that
/// /metrics is parseable: every sample belongs to a family declared by HELP and TYPE, label values are quoted
/// and escaped, values are numbers, histogram buckets are cumulative and end in +Inf equal to _count (per series).
/// </summary>
public sealed partial class PrometheusScrape
{
    private readonly Dictionary<string, string> _types = new();
    private readonly Dictionary<string, double> _samples = new();

    public IReadOnlyDictionary<string, string> Types => _types;

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        Assert.EndsWith("\n", text);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal)) continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(scrape._types.TryAdd(parts[2], parts[3]), $"family {parts[2]} declared twice");
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: '{line}'");
            var name = match.Groups["name"].Value;
            var family = scrape._types.Keys.FirstOrDefault(f => name == f || (scrape._types[f] == "histogram" && name is var n && (n == f + "_bucket" || n == f + "_sum" || n == f + "_count")));
            Assert.True(family is not null, $"sample {name} has no TYPE line before it");
            var labels = match.Groups["labels"].Success ? match.Groups["labels"].Value : "";
            Assert.Matches(LabelList(), labels);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            Assert.True(scrape._samples.TryAdd($"{name}{{{labels}}}", value), $"duplicate sample {name}{{{labels}}}");
        }
        scrape.CheckHistograms();
        return scrape;
    }

    /// <summary>The value of one sample, e.g. <c>Value("probedashboard_probes_total", "type=\"tcp\"")</c>.</summary>
    public double Value(string name, string labels = "") =>
        _samples.TryGetValue($"{name}{{{labels}}}", out var value) ? value : throw new KeyNotFoundException($"{name}{{{labels}}} not in the scrape");

    /// <summary>Each series of a histogram (its labels other than <c>le</c>): cumulative buckets, +Inf equal to _count, a _sum.</summary>
    private void CheckHistograms()
    {
        foreach (var family in _types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var prefix = family + "_bucket{";
            var series = _samples.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(s => (Labels: s.Key[prefix.Length..^1], s.Value))
                .GroupBy(s => BucketBound().Replace(s.Labels, ""), s => s.Value);
            foreach (var buckets in series)
            {
                Assert.Equal(buckets.Order(), buckets);
                var inf = buckets.Key.Length == 0 ? "le=\"+Inf\"" : buckets.Key + ",le=\"+Inf\"";
                Assert.Equal(Value(family + "_count", buckets.Key), Value(family + "_bucket", inf));
                Assert.True(_samples.ContainsKey($"{family}_sum{{{buckets.Key}}}"), $"{family}_sum{{{buckets.Key}}} missing");
            }
        }
    }

    /// <summary>The <c>le</c> pair of a bucket's labels, with the comma that joins it to the others.</summary>
    [GeneratedRegex(@"(^le=""[^""]*"",?|,le=""[^""]*"")")]
    private static partial Regex BucketBound();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"^([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\[\\""n])*""(,[a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\[\\""n])*"")*)?$")]
    private static partial Regex LabelList();
}
