using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Probing;

public sealed partial class ProbeScheduleSync
{
    /// <summary>
    /// Applies a run of monitor changes in one pass: (re)schedules the enabled monitors, probed at once, and unschedules
    /// the rest. A monitor whose only news is its creation is taken from the event as committed; any other is read
    /// again, so its latest committed settings win whatever order the events arrived in.
    /// </summary>
    public async Task ApplyChangesAsync(IReadOnlyList<MonitorConfigurationChanged> changes, CancellationToken cancellationToken)
    {
        var created = new Dictionary<int, MonitorDefinition>();
        var reread = new HashSet<int>();
        foreach (var change in changes)
        {
            if (change.Created is { } monitor && !reread.Contains(change.MonitorId)) created[change.MonitorId] = monitor;
            else if (reread.Add(change.MonitorId)) created.Remove(change.MonitorId);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var enabled = created.Values.Where(m => m.Enabled).ToList();
            if (reread.Count > 0)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                foreach (var chunk in reread.Chunk(LoadChunk))
                    enabled.AddRange(await db.Monitors.AsNoTracking().Where(m => chunk.Contains(m.Id) && m.Enabled).ToListAsync(cancellationToken));
            }
            await ScheduleAsync(enabled, _ => time.GetUtcNow(), cancellationToken);
            var scheduled = enabled.Select(m => m.Id).ToHashSet();
            foreach (var id in created.Keys.Concat(reread).Where(id => !scheduled.Contains(id)))
                await UnscheduleAsync(id, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
