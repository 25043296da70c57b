using System.Globalization;

namespace ProbeDashboard.Core.Hosts.Metrics;

/// <summary>Cumulative CPU jiffies from the first line of /proc/stat.</summary>
public readonly record struct CpuTimes(ulong Busy, ulong Total);

/// <summary>Cumulative bytes received and sent over all interfaces but loopback.</summary>
public readonly record struct NetCounters(ulong ReceivedBytes, ulong SentBytes);

/// <summary>Pure parsers for the /proc files host metrics come from, and the arithmetic on their counters.</summary>
public static class ProcText
{
    /// <summary>"cpu  user nice system idle iowait irq softirq steal ..."; idle and iowait count as not busy.</summary>
    public static CpuTimes Cpu(string procStat)
    {
        var line = procStat.Split('\n').First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(ulong.Parse).ToArray();
        // guest and guest_nice (fields 9, 10) are already included in user and nice.
        var counted = fields.Take(8).ToArray();
        var total = counted.Aggregate(0UL, (sum, v) => sum + v);
        var idle = counted[3] + (counted.Length > 4 ? counted[4] : 0);
        return new CpuTimes(total - idle, total);
    }

    /// <returns>Percent of CPU time busy between two samples; 0 when no time passed.</returns>
    public static double CpuPercent(CpuTimes before, CpuTimes after)
    {
        var total = after.Total - before.Total;
        return total == 0 ? 0 : Math.Clamp(100.0 * (after.Busy - before.Busy) / total, 0, 100);
    }

    /// <returns>Total and available memory in bytes (MemAvailable, or MemFree+Buffers+Cached on old kernels).</returns>
    public static (long Total, long Available) Memory(string meminfo)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in meminfo.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                values[line[..colon]] = kb * 1024;
        }
        var total = values.GetValueOrDefault("MemTotal");
        var available = values.TryGetValue("MemAvailable", out var a) ? a
            : values.GetValueOrDefault("MemFree") + values.GetValueOrDefault("Buffers") + values.GetValueOrDefault("Cached");
        return (total, available);
    }

    public static double MemoryPercent(long total, long available) =>
        total <= 0 ? 0 : Math.Clamp(100.0 * (total - available) / total, 0, 100);

    /// <summary>"0.52 0.58 0.59 1/123 4567".</summary>
    public static (double Load1, double Load5, double Load15) LoadAverage(string loadavg)
    {
        var parts = loadavg.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double Part(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return (Part(0), Part(1), Part(2));
    }

    /// <summary>Sums the byte counters of /proc/net/dev, skipping the loopback interface.</summary>
    public static NetCounters Network(string netDev)
    {
        ulong received = 0, sent = 0;
        foreach (var line in netDev.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            if (line[..colon].Trim() == "lo") continue;
            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 9) continue;
            received += ulong.Parse(fields[0], CultureInfo.InvariantCulture);
            sent += ulong.Parse(fields[8], CultureInfo.InvariantCulture);
        }
        return new NetCounters(received, sent);
    }

    /// <returns>Bytes per second; 0 when no time passed or a counter went backwards (interface reset).</returns>
    public static double Rate(ulong before, ulong after, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero || after < before ? 0 : (after - before) / elapsed.TotalSeconds;

    /// <summary>Disk usage as df computes it: used / (used + available to users); root's reserved blocks excluded.</summary>
    public static double DiskPercent(long totalBytes, long freeBytes, long availableBytes)
    {
        var used = totalBytes - freeBytes;
        var denominator = used + availableBytes;
        return denominator <= 0 ? 0 : Math.Clamp(100.0 * used / denominator, 0, 100);
    }
}
