using System.Globalization;
using System.Text;
using ProbeDashboard.Core.Observability;

namespace ProbeDashboard.Operations.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): a HELP and TYPE line per family, then its
/// samples. Written by hand because no Prometheus client library is available here; the format is small.
/// </summary>
public sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public PrometheusText Counter(string name, string help, params (string Labels, double Value)[] samples) =>
        Family(name, "counter", help, samples);

    public PrometheusText Gauge(string name, string help, params (string Labels, double Value)[] samples) =>
        Family(name, "gauge", help, samples);

    /// <summary>A histogram: <c>_bucket</c> lines with <c>le</c> (ending in +Inf), then <c>_sum</c> and <c>_count</c>.</summary>
    public PrometheusText Histogram(string name, string help, HistogramSnapshot histogram)
    {
        Header(name, "histogram", help);
        for (var i = 0; i < histogram.Bounds.Count; i++)
            Sample(name + "_bucket", Label("le", Number(histogram.Bounds[i])), histogram.Cumulative[i]);
        Sample(name + "_bucket", Label("le", "+Inf"), histogram.Count);
        Sample(name + "_sum", "", histogram.Sum);
        Sample(name + "_count", "", histogram.Count);
        return this;
    }

    /// <summary>One label pair, its value escaped as the format requires.</summary>
    public static string Label(string name, string value) =>
        $"{name}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"";

    public override string ToString() => _text.ToString();

    private PrometheusText Family(string name, string type, string help, (string Labels, double Value)[] samples)
    {
        Header(name, type, help);
        foreach (var (labels, value) in samples) Sample(name, labels, value);
        return this;
    }

    private void Header(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ')
            .Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    private void Sample(string name, string labels, double value)
    {
        _text.Append(name);
        if (labels.Length > 0) _text.Append('{').Append(labels).Append('}');
        _text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
