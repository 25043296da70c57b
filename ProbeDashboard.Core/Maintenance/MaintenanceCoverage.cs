namespace ProbeDashboard.Core.Maintenance;

/// <summary>
/// The occurrences of the windows that overlap one stretch of time, per monitor and per host, so the result writer can
/// tell for each result of a batch whether it fell inside maintenance without asking the database per result.
/// </summary>
public sealed class MaintenanceCoverage
{
    public static readonly MaintenanceCoverage None = new([], []);

    private readonly Dictionary<int, List<MaintenanceSpan>> _monitors;
    private readonly Dictionary<int, List<MaintenanceSpan>> _hosts;

    internal MaintenanceCoverage(Dictionary<int, List<MaintenanceSpan>> monitors, Dictionary<int, List<MaintenanceSpan>> hosts)
    {
        _monitors = monitors;
        _hosts = hosts;
    }

    public bool IsEmpty => _monitors.Count == 0 && _hosts.Count == 0;

    /// <summary>True when a window of the monitor, or of the group of the host that probed, was active at <paramref name="utc"/>.</summary>
    public bool Covers(int monitorId, int hostId, DateTime utc) => In(_monitors, monitorId, utc) || In(_hosts, hostId, utc);

    private static bool In(Dictionary<int, List<MaintenanceSpan>> spans, int id, DateTime utc) =>
        spans.TryGetValue(id, out var list) && list.Exists(s => s.Contains(utc));

    /// <summary>Every occurrence of <paramref name="schedule"/> that overlaps [from, to] (a batch spans seconds, so these are few).</summary>
    internal static List<MaintenanceSpan> SpansBetween(MaintenanceSchedule schedule, DateTime from, DateTime to)
    {
        var spans = new List<MaintenanceSpan>();
        var next = schedule.CurrentOrNext(from);
        while (next is { } span && span.Start <= to && spans.Count < 1000)
        {
            spans.Add(span);
            next = span.End > span.Start ? schedule.CurrentOrNext(span.End) : null;
        }
        return spans;
    }

    internal static void AddTo(Dictionary<int, List<MaintenanceSpan>> target, IEnumerable<int> ids, List<MaintenanceSpan> spans)
    {
        foreach (var id in ids)
        {
            if (!target.TryGetValue(id, out var list)) target[id] = list = [];
            list.AddRange(spans);
        }
    }
}
