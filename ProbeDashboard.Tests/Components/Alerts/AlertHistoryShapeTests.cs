using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ProbeDashboard.Alerts.Detail;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Resources;

namespace ProbeDashboard.Tests.Components.Alerts;

/// <summary>The history chart's data shaping: one unit per axis, failures as bands, colours per theme.</summary>
public class AlertHistoryShapeTests : ComponentTest
{
    private static readonly DateTime Start = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private IStringLocalizer<UiText> Text => Ctx.Services.GetRequiredService<IStringLocalizer<UiText>>();

    private static HistorySample Sample(int minute, string json) => new(Start.AddMinutes(minute), json);

    private static JsonElement Json(object options) => JsonSerializer.SerializeToElement(options, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void Latency_is_charted_in_ms_on_one_axis_and_failed_rounds_become_red_bands_not_a_line()
    {
        var history = new[]
        {
            Sample(0, """{"latency":0.120,"success":1,"consecutive_failures":0}"""),
            Sample(1, """{"success":0,"consecutive_failures":1}"""),
            Sample(2, """{"success":0,"consecutive_failures":2}"""),
            Sample(3, """{"latency":0.080,"success":1,"consecutive_failures":0}"""),
        };

        var shape = AlertHistoryShape.Of(history, "latency > 2 || consecutive_failures >= 2", dark: false, Text);
        var options = Json(shape.Options);

        Assert.True(shape.HasData);
        var series = options.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["latency (ms)", "consecutive_failures"], series.Select(s => s.GetProperty("name").GetString()));
        var latency = series[0].GetProperty("data").EnumerateArray().Select(p => p[1].ValueKind == JsonValueKind.Null ? (double?)null : p[1].GetDouble()).ToList();
        Assert.Equal([120, null, null, 80], latency);
        Assert.Equal(new DateTimeOffset(Start).ToUnixTimeMilliseconds(), series[0].GetProperty("data")[0][0].GetInt64());

        var axes = options.GetProperty("yaxis").EnumerateArray().ToList();
        Assert.Equal(("ms", false), (axes[0].GetProperty("pdUnit").GetString(), axes[0].GetProperty("opposite").GetBoolean()));
        Assert.True(axes[1].GetProperty("opposite").GetBoolean());
        Assert.Equal("consecutive_failures", axes[1].GetProperty("title").GetProperty("text").GetString());

        var band = Assert.Single(options.GetProperty("annotations").GetProperty("xaxis").EnumerateArray());
        Assert.Equal(new DateTimeOffset(Start.AddMinutes(1)).ToUnixTimeMilliseconds(), band.GetProperty("x").GetInt64());
        Assert.Equal(new DateTimeOffset(Start.AddMinutes(3)).ToUnixTimeMilliseconds(), band.GetProperty("x2").GetInt64());
        Assert.Equal("#cf222e", band.GetProperty("fillColor").GetString());
        Assert.Equal("failed", band.GetProperty("label").GetProperty("text").GetString());
    }

    [Fact]
    public void Metrics_of_one_unit_share_one_visible_axis_and_the_dark_theme_takes_its_own_colours()
    {
        var history = new[]
        {
            Sample(0, """{"cpu_usage":91.5,"mem_usage":40,"online":1,"load":2.5}"""),
            Sample(1, """{"cpu_usage":95,"mem_usage":41,"online":0,"load":3}"""),
        };

        var options = Json(AlertHistoryShape.Of(history, "cpu_usage > 90", dark: true, Text).Options);

        var series = options.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["cpu_usage (%)", "mem_usage (%)", "load"], series);
        var axes = options.GetProperty("yaxis").EnumerateArray().ToList();
        Assert.Equal([true, false, true], axes.Select(a => a.GetProperty("show").GetBoolean()));
        Assert.Equal("cpu_usage (%)", axes[1].GetProperty("seriesName").GetString());
        Assert.Equal("#6ea8fe", options.GetProperty("colors")[0].GetString());
        Assert.Equal("#ff7b72", options.GetProperty("annotations").GetProperty("xaxis")[0].GetProperty("fillColor").GetString());
    }

    [Fact]
    public void Only_an_up_down_metric_is_drawn_as_a_step_series_and_no_samples_means_no_data()
    {
        var history = new[] { Sample(0, """{"online":1}"""), Sample(5, """{"online":0}""") };

        var options = Json(AlertHistoryShape.Of(history, "online == 0", dark: false, Text).Options);

        Assert.Equal("stepline", options.GetProperty("stroke").GetProperty("curve")[0].GetString());
        Assert.Equal(1, options.GetProperty("yaxis")[0].GetProperty("max").GetInt32());
        Assert.False(AlertHistoryShape.Of([], "online == 0", dark: false, Text).HasData);
    }
}
