using System.Diagnostics;

namespace ProbeDashboard.Bench.SideBySide;

/// <summary>What Prometheus + blackbox_exporter did in their measured window.</summary>
public sealed record TheirReport(double CpuCores, long PeakRssBytes, double RequestsPerSecond, NginxTraffic Traffic, double NginxCpuCores, double FailedProbes, double Targets, string Load);

/// <summary>
/// The same warm-up and window as our run, for the other system: the CPU of blackbox_exporter and prometheus summed
/// (each process's CPU time over the window ÷ wall time), their RSS summed at each one-second sample (the peak is
/// kept), and the probes they really made, counted as requests in nginx's access log.
/// </summary>
public static class TheirMeasurement
{
    public static async Task<TheirReport> RunAsync(PrometheusStack stack, NginxTarget nginx, BenchOptions options)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var loadBefore = LoadAverage();
        var cpuBefore = Cpu(stack.Processes);
        var nginxCpuBefore = Cpu([nginx.Process]);
        // nginx flushes its log at least once a second: both ends of the window lag alike, so the count is fair.
        var logBefore = nginx.LogEnd();
        long peakRss = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(options.DurationSeconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            peakRss = Math.Max(peakRss, stack.Processes.Sum(p => { p.Refresh(); return p.WorkingSet64; }));
            if (stack.Processes.Any(p => p.HasExited)) throw new InvalidOperationException("prometheus or blackbox_exporter ended during the run");
        }
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (Cpu(stack.Processes) - cpuBefore).TotalSeconds / wall;
        var nginxCpu = (Cpu([nginx.Process]) - nginxCpuBefore).TotalSeconds / wall;
        var traffic = nginx.TrafficSince(logBefore);
        return new TheirReport(cpu, peakRss, traffic.Requests / wall, traffic, nginxCpu,
            await stack.QueryAsync("count(probe_success == 0)"), await stack.QueryAsync("count(up)"), $"{loadBefore} → {LoadAverage()}");
    }

    private static TimeSpan Cpu(IEnumerable<Process> processes) => processes.Aggregate(TimeSpan.Zero, (sum, p) =>
    {
        p.Refresh();
        return sum + p.TotalProcessorTime;
    });

    /// <summary>The 1-minute load average: the machine is shared, so every figure is printed with it.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
