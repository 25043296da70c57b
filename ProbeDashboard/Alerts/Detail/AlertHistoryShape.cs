using Microsoft.Extensions.Localization;
using MudBlazor;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Alerts.Conditions;
using ProbeDashboard.Resources;
using ProbeDashboard.Ui.Theme;

namespace ProbeDashboard.Alerts.Detail;

/// <summary>
/// Turns an event's history samples into apexcharts options. One unit per axis: metrics are grouped by unit
/// (latency in ms, percentages, speeds, ...) and the two groups the condition names first get an axis each. Success
/// and online are 1/0 facts, not magnitudes: their zeros become red bands across the time axis (and a step series
/// when nothing else was recorded), so a failed round is a visible stretch, not a line that stops.
/// </summary>
public static class AlertHistoryShape
{
    private const int MaxAxes = 2;

    private sealed record Unit(string Group, string Symbol, double Factor = 1, int Decimals = 2);

    private static readonly Unit Milliseconds = new("ms", "ms", 1000, 0);
    private static readonly Unit Percent = new("%", "%", 1, 1);

    private static Unit UnitOf(string metric) => metric switch
    {
        "latency" => Milliseconds,
        "cpu_usage" or "mem_usage" or "disk_usage" or "availability_1h" => Percent,
        "load" or "load5" or "load15" => new("load", "", 1, 2),
        "net_in_speed" or "net_out_speed" => new("B/s", "B/s", 1, 0),
        _ => new(metric, "", 1, 0),
    };

    /// <summary>Metrics that say up (1) or down (0).</summary>
    public static bool IsUpDown(string metric) => metric is "success" or AlertMetrics.OnlineMetric;

    public sealed record Shape(object Options, bool HasData, IReadOnlyList<string> Charted);

    public static Shape Of(IReadOnlyList<HistorySample> history, string condition, bool dark, IStringLocalizer<UiText> text)
    {
        var palette = DashboardTheme.Create();
        Palette colours = dark ? palette.PaletteDark : palette.PaletteLight;
        var samples = history.OrderBy(s => s.Timestamp).ToList();
        var metrics = samples.SelectMany(s => s.Values.Keys).Distinct().ToList();
        var groups = metrics.Where(m => !IsUpDown(m)).GroupBy(m => UnitOf(m).Group)
            .OrderBy(g => g.Min(m => Mentioned(condition, m)))
            .ThenBy(g => g.Key == Milliseconds.Group ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxAxes)
            .Select(g => g.OrderBy(m => Mentioned(condition, m)).ThenBy(m => m, StringComparer.Ordinal).ToList())
            .ToList();
        var upDown = metrics.Where(IsUpDown).OrderBy(m => Mentioned(condition, m)).FirstOrDefault();

        var series = new List<object>();
        var axes = new List<object>();
        var curves = new List<string>();
        var lineColours = new[] { Hex(colours.Primary), Hex(colours.Secondary), Hex(colours.Info), Hex(colours.Warning) };
        var colourList = new List<string>();
        for (var g = 0; g < groups.Count; g++)
        {
            var unit = UnitOf(groups[g][0]);
            for (var i = 0; i < groups[g].Count; i++)
            {
                var metric = groups[g][i];
                var name = FirstName(metric, unit);
                series.Add(new
                {
                    name,
                    type = "line",
                    pdUnit = unit.Symbol,
                    data = samples.Select(s => new object?[] { Millis(s.Timestamp), s.Values.TryGetValue(metric, out var v) ? Math.Round(v * unit.Factor, 3) : null }).ToArray(),
                });
                curves.Add("straight");
                colourList.Add(lineColours[(series.Count - 1) % lineColours.Length]);
                // One visible axis per unit; the group's other series share it (apexcharts maps them by seriesName).
                axes.Add(i == 0
                    ? new { seriesName = name, show = true, opposite = g == 1, title = new { text = unit.Symbol.Length > 0 ? unit.Symbol : metric }, pdUnit = unit.Symbol, pdDecimals = unit.Decimals, forceNiceScale = true }
                    : new { seriesName = FirstName(groups[g][0], unit), show = false, opposite = g == 1, title = new { text = "" }, pdUnit = unit.Symbol, pdDecimals = unit.Decimals, forceNiceScale = true });
            }
        }
        if (upDown is not null && series.Count == 0)
        {
            var name = text["AlertHistoryUpDown", upDown].Value;
            series.Add(new { name, type = "line", pdUnit = "", data = samples.Select(s => new object?[] { Millis(s.Timestamp), s.Values.TryGetValue(upDown, out var v) ? v : null }).ToArray() });
            curves.Add("stepline");
            colourList.Add(Hex(colours.Success));
            axes.Add(new { seriesName = name, show = true, opposite = false, min = 0, max = 1, tickAmount = 1, title = new { text = name }, pdUnit = "", pdDecimals = 0, forceNiceScale = false });
        }

        var bands = upDown is null ? [] : DownBands(samples, upDown, Hex(colours.Error), text["AlertHistoryDown"].Value);
        var options = new
        {
            chart = new { type = "line", zoom = new { enabled = true, type = "x", autoScaleYaxis = true } },
            series,
            colors = colourList,
            stroke = new { width = 2, curve = curves },
            markers = new { size = samples.Count <= 60 ? 4 : 0 },
            xaxis = new { type = "datetime" },
            yaxis = axes,
            annotations = new { xaxis = bands },
            legend = new { show = true, position = "bottom" },
            tooltip = new { shared = true },
        };
        var charted = groups.SelectMany(g => g).Concat(upDown is null ? [] : [upDown]).ToList();
        return new Shape(options, series.Count > 0, charted);
    }

    private static string Hex(MudBlazor.Utilities.MudColor colour) => colour.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);

    private static string FirstName(string metric, Unit unit) => unit.Symbol.Length > 0 ? $"{metric} ({unit.Symbol})" : metric;

    /// <summary>Each run of zeros, from its first sample to the next sample after it (or its own last one).</summary>
    private static List<object> DownBands(List<HistorySample> samples, string metric, string colour, string label)
    {
        var bands = new List<object>();
        for (var i = 0; i < samples.Count; i++)
        {
            if (!samples[i].Values.TryGetValue(metric, out var v) || v != 0) continue;
            var start = i;
            while (i + 1 < samples.Count && samples[i + 1].Values.TryGetValue(metric, out var next) && next == 0) i++;
            var end = i + 1 < samples.Count ? samples[i + 1].Timestamp : samples[i].Timestamp;
            bands.Add(new
            {
                x = Millis(samples[start].Timestamp),
                x2 = Millis(end),
                fillColor = colour,
                borderColor = colour,
                opacity = 0.18,
                label = new { text = label, orientation = "horizontal", borderColor = colour, style = new { color = "#ffffff", background = colour } },
            });
        }
        return bands;
    }

    private static int Mentioned(string condition, string metric)
    {
        var at = condition.IndexOf(metric, StringComparison.Ordinal);
        return at < 0 ? int.MaxValue : at;
    }

    private static long Millis(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
