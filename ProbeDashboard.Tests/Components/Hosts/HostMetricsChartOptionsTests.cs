using System.Text.Json;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Hosts.Detail;

namespace ProbeDashboard.Tests.Components.Hosts;

/// <summary>The host metrics chart's data: percent on one axis, a value an agent did not send left out (never 0 %).</summary>
public class HostMetricsChartOptionsTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_series_has_only_the_heartbeats_that_carried_its_value_as_epoch_millisecond_pairs()
    {
        HostMetricSample[] samples =
        [
            new() { Timestamp = T0, CpuUsage = 12.346, MemUsage = 50 },
            new() { Timestamp = T0.AddMinutes(1), CpuUsage = 20, DiskUsage = 70 },
        ];
        var json = JsonSerializer.SerializeToElement(HostMetricsChartOptions.Build(samples, T0.AddHours(-1), T0.AddMinutes(1), new("CPU", "Memory", "Disk")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var series = json.GetProperty("series");
        Assert.Equal(["CPU", "Memory", "Disk"], series.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var cpu = series[0].GetProperty("data");
        Assert.Equal(2, cpu.GetArrayLength());
        Assert.Equal(new DateTimeOffset(T0).ToUnixTimeMilliseconds(), cpu[0][0].GetInt64());
        Assert.Equal(12.35, cpu[0][1].GetDouble());
        Assert.Equal(1, series[1].GetProperty("data").GetArrayLength());
        Assert.Equal(1, series[2].GetProperty("data").GetArrayLength());
        Assert.All(series.EnumerateArray(), s => Assert.Equal("%", s.GetProperty("pdUnit").GetString()));
        Assert.Equal("datetime", json.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(100, json.GetProperty("yaxis").GetProperty("max").GetInt32());
        Assert.Equal("%", json.GetProperty("yaxis").GetProperty("pdUnit").GetString());
        Assert.True(HostMetricsChartOptions.HasData(samples));
    }

    [Fact]
    public void Heartbeats_without_any_usage_are_no_data()
    {
        Assert.False(HostMetricsChartOptions.HasData([new HostMetricSample { Timestamp = T0, Load1 = 0.5 }]));
        Assert.False(HostMetricsChartOptions.HasData([]));
    }

    [Theory]
    [InlineData("10.0.0.5", new[] { "10.0.0.5" })]
    [InlineData("10.0.0.5, 192.168.7.9;fe80::1", new[] { "10.0.0.5", "192.168.7.9", "fe80::1" })]
    [InlineData("10.0.0.5|10.0.0.5\n10.0.0.6", new[] { "10.0.0.5", "10.0.0.6" })]
    [InlineData("  ", new string[0])]
    [InlineData(null, new string[0])]
    public void Addresses_are_split_one_per_entry(string? network, string[] expected) =>
        Assert.Equal(expected, HostAddresses.Split(network));
}
