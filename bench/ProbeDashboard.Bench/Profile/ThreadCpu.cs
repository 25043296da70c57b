using System.Globalization;

namespace ProbeDashboard.Bench.Profile;

/// <summary>
/// CPU time per thread of this process, from /proc/self/task (utime + stime), grouped by thread name. It sees what
/// a managed-stack profile cannot: the runtime's native threads (server GC, background GC, the EventPipe itself).
/// </summary>
public sealed class ThreadCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux x86-64 and arm64

    private readonly Dictionary<int, (string Name, long Ticks)> _threads;

    private ThreadCpu(Dictionary<int, (string, long)> threads) => _threads = threads;

    public static ThreadCpu Read()
    {
        var threads = new Dictionary<int, (string, long)>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                // Fields after "(comm)": state is the 3rd field, utime the 14th and stime the 15th.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = (Group(File.ReadAllText(Path.Combine(task, "comm")).Trim()), ticks);
            }
            catch (IOException)
            {
                // The thread ended while we read it.
            }
        }
        return new ThreadCpu(threads);
    }

    /// <summary>Seconds of CPU per thread group between <paramref name="before"/> and this reading (threads that ended in between are missing).</summary>
    public IReadOnlyList<(string Group, double Seconds)> Since(ThreadCpu before) => _threads
        .Select(t => (t.Value.Name, Ticks: t.Value.Ticks - (before._threads.TryGetValue(t.Key, out var b) && b.Name == t.Value.Name ? b.Ticks : 0)))
        .GroupBy(t => t.Name)
        .Select(g => (g.Key, g.Sum(t => t.Ticks) / TicksPerSecond))
        .Where(g => g.Item2 > 0)
        .OrderByDescending(g => g.Item2)
        .ToList();

    /// <summary>Thread names without their numbers (".NET TP Worker", ".NET Server GC", "QuartzScheduler").</summary>
    private static string Group(string name) => name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_', '-', ' ', '#');

    public static bool IsGc(string group) => group.Contains("GC", StringComparison.Ordinal);
}
