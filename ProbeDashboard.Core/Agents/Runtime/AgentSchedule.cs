using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// The agent's own schedule: one priority queue of due times instead of a timer per monitor. Each monitor keeps
/// the server's phase within its interval (<see cref="ProbeSchedule"/>), so a server and its agents spread
/// load the same way. A round that is late by more than an interval is skipped, never made up in a burst.
/// </summary>
public sealed class AgentSchedule
{
    private readonly Dictionary<int, (AgentTask Task, long Generation)> _tasks = new();
    private readonly PriorityQueue<(int Id, long Generation), DateTimeOffset> _due = new();
    private long _generation;

    public int Count => _tasks.Count;

    /// <summary>Adopts a new task list: new and changed tasks are (re)scheduled, missing ones dropped, unchanged ones keep their rhythm.</summary>
    public void Replace(IReadOnlyList<AgentTask> tasks, DateTimeOffset now)
    {
        var ids = tasks.Select(t => t.Id).ToHashSet();
        foreach (var gone in _tasks.Keys.Where(id => !ids.Contains(id)).ToList()) _tasks.Remove(gone);
        foreach (var task in tasks)
        {
            if (_tasks.TryGetValue(task.Id, out var known) && known.Task == task) continue;
            var generation = ++_generation;
            _tasks[task.Id] = (task, generation);
            _due.Enqueue((task.Id, generation), ProbeSchedule.FirstFireAt(task.Id, task.Interval, now));
        }
    }

    /// <summary>The tasks due at <paramref name="now"/>, each scheduled again one interval later.</summary>
    public IReadOnlyList<AgentTask> TakeDue(DateTimeOffset now)
    {
        var due = new List<AgentTask>();
        while (_due.TryPeek(out var entry, out var at) && at <= now)
        {
            _due.Dequeue();
            // Entries of removed or rescheduled tasks are left in the queue and skipped here.
            if (!_tasks.TryGetValue(entry.Id, out var current) || current.Generation != entry.Generation) continue;
            due.Add(current.Task);
            var interval = TimeSpan.FromSeconds(current.Task.Interval);
            var next = at + interval;
            if (next <= now) next = ProbeSchedule.FirstFireAt(entry.Id, current.Task.Interval, now + TimeSpan.FromMilliseconds(1));
            _due.Enqueue(entry, next);
        }
        return due;
    }
}
