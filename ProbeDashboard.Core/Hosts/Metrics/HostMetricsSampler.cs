namespace ProbeDashboard.Core.Hosts.Metrics;

/// <summary>One reading of this machine's metrics, with the memory sizes seed 003's heartbeat also reports.</summary>
public sealed record HostSnapshot(HostMetrics Metrics, long MemoryTotalBytes, long MemoryUsedBytes, long DiskTotalBytes, long DiskUsedBytes);

/// <summary>
/// Reads this machine's metrics from /proc and the root file system. CPU % and network speeds are differences
/// between two readings, so the first reading reports them over the time since the sampler was created.
/// Not thread-safe: one sampler per reader.
/// </summary>
public sealed class HostMetricsSampler
{
    private readonly string _procRoot;
    private readonly string _diskPath;
    private readonly TimeProvider _time;
    private CpuTimes _cpu;
    private NetCounters _net;
    private DateTimeOffset _at;

    public HostMetricsSampler(TimeProvider time, string procRoot = "/proc", string diskPath = "/")
    {
        _time = time;
        _procRoot = procRoot;
        _diskPath = diskPath;
        _cpu = ProcText.Cpu(Read("stat"));
        _net = ProcText.Network(Read("net/dev"));
        _at = time.GetUtcNow();
    }

    public HostSnapshot Sample()
    {
        var now = _time.GetUtcNow();
        var cpu = ProcText.Cpu(Read("stat"));
        var net = ProcText.Network(Read("net/dev"));
        var elapsed = now - _at;
        var (memTotal, memAvailable) = ProcText.Memory(Read("meminfo"));
        var (load1, load5, load15) = ProcText.LoadAverage(Read("loadavg"));
        var drive = new DriveInfo(_diskPath);
        var metrics = new HostMetrics
        {
            SampledAt = now.UtcDateTime,
            CpuUsage = Math.Round(ProcText.CpuPercent(_cpu, cpu), 2),
            MemUsage = Math.Round(ProcText.MemoryPercent(memTotal, memAvailable), 2),
            DiskUsage = Math.Round(ProcText.DiskPercent(drive.TotalSize, drive.TotalFreeSpace, drive.AvailableFreeSpace), 2),
            Load1 = load1,
            Load5 = load5,
            Load15 = load15,
            NetInSpeed = Math.Round(ProcText.Rate(_net.ReceivedBytes, net.ReceivedBytes, elapsed)),
            NetOutSpeed = Math.Round(ProcText.Rate(_net.SentBytes, net.SentBytes, elapsed)),
        };
        (_cpu, _net, _at) = (cpu, net, now);
        return new HostSnapshot(metrics, memTotal, memTotal - memAvailable, drive.TotalSize, drive.TotalSize - drive.TotalFreeSpace);
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(_procRoot, file));
}
