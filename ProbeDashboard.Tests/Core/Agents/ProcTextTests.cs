using ProbeDashboard.Core.Hosts.Metrics;

namespace ProbeDashboard.Tests.Core.Agents;

/// <summary>Host metrics from /proc text samples, as a Linux kernel writes them.</summary>
public class ProcTextTests
{
    private const string StatBefore = """
        cpu  10132153 290696 3084719 46828483 16683 0 25195 0 175628 0
        cpu0 1393280 32966 572056 13343292 6130 0 17875 0 23933 0
        intr 1462898 0 0
        """;

    // 400 more jiffies: 300 busy (user 200, system 100), 100 idle.
    private const string StatAfter = """
        cpu  10132353 290696 3084819 46828583 16683 0 25195 0 175628 0
        cpu0 1393480 32966 572156 13343392 6130 0 17875 0 23933 0
        """;

    [Fact]
    public void Cpu_percent_is_busy_jiffies_over_all_jiffies_between_two_samples()
    {
        var before = ProcText.Cpu(StatBefore);
        var after = ProcText.Cpu(StatAfter);
        Assert.Equal(75.0, ProcText.CpuPercent(before, after), 3);
        Assert.Equal(0, ProcText.CpuPercent(after, after));
    }

    [Fact]
    public void Iowait_counts_as_idle()
    {
        var before = ProcText.Cpu("cpu  100 0 0 100 0 0 0 0\n");
        var after = ProcText.Cpu("cpu  100 0 0 100 100 0 0 0\n");
        Assert.Equal(0, ProcText.CpuPercent(before, after));
    }

    [Fact]
    public void Memory_percent_uses_mem_available()
    {
        const string meminfo = """
            MemTotal:        8000000 kB
            MemFree:          500000 kB
            MemAvailable:    2000000 kB
            Buffers:          100000 kB
            Cached:          1000000 kB
            """;
        var (total, available) = ProcText.Memory(meminfo);
        Assert.Equal((8_192_000_000L, 2_048_000_000L), (total, available));
        Assert.Equal(75.0, ProcText.MemoryPercent(total, available), 3);
    }

    [Fact]
    public void Memory_falls_back_to_free_buffers_and_cached_on_old_kernels()
    {
        var (total, available) = ProcText.Memory("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 100 kB\nCached: 200 kB\n");
        Assert.Equal(400 * 1024, available);
        Assert.Equal(60.0, ProcText.MemoryPercent(total, available), 3);
    }

    [Fact]
    public void Load_averages_are_the_first_three_fields()
    {
        Assert.Equal((0.52, 0.58, 1.59), ProcText.LoadAverage("0.52 0.58 1.59 1/123 4567\n"));
    }

    [Fact]
    public void Network_sums_every_interface_but_loopback_and_rates_are_per_second()
    {
        const string before = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo: 9999999    1000    0    0    0     0          0         0  9999999    1000    0    0    0     0       0          0
              eth0: 1000000    2000    0    0    0     0          0         0   500000    1500    0    0    0     0       0          0
             wlan0:    1000      20    0    0    0     0          0         0     2000      20    0    0    0     0       0          0
            """;
        var first = ProcText.Network(before);
        Assert.Equal(new NetCounters(1_001_000, 502_000), first);
        var later = new NetCounters(first.ReceivedBytes + 2_048_000, first.SentBytes + 1_024_000);
        Assert.Equal(1_024_000, ProcText.Rate(first.ReceivedBytes, later.ReceivedBytes, TimeSpan.FromSeconds(2)));
        Assert.Equal(512_000, ProcText.Rate(first.SentBytes, later.SentBytes, TimeSpan.FromSeconds(2)));
        Assert.Equal(0, ProcText.Rate(later.SentBytes, first.SentBytes, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(100, 50, 40, 55.5556)]
    [InlineData(100, 100, 100, 0)]
    [InlineData(100, 0, 0, 100)]
    public void Disk_percent_matches_df(long total, long free, long available, double expected)
    {
        Assert.Equal(expected, ProcText.DiskPercent(total, free, available), 3);
    }

    [Fact]
    public void The_sampler_reads_this_machine()
    {
        var snapshot = new HostMetricsSampler(TimeProvider.System).Sample();
        var m = snapshot.Metrics;
        Assert.InRange(m.CpuUsage!.Value, 0, 100);
        Assert.InRange(m.MemUsage!.Value, 0.01, 100);
        Assert.InRange(m.DiskUsage!.Value, 0.01, 100);
        Assert.True(m.Load1 >= 0 && m.NetInSpeed >= 0 && snapshot.MemoryTotalBytes > 0);
    }
}
