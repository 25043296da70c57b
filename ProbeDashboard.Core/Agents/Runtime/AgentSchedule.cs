using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// The agent's own schedule: one priority queue of due times instead of a timer per monitor. Each monitor keeps
/// the server's phase within its interval (<see cref="ProbeSchedule"/>), so a server and its agents spread
/// load the same way. A round that is late by more than an interval is skipped, never made up in a burst.
/// As on the server, only the first task list after the agent starts is spread over the phases; a task that is new
/// or whose target, type or interval changed later on is probed at once, then joins its phase.
/// </summary>
public sealed class AgentSchedule
{
    private readonly Dictionary<int, (AgentTask Task, long Generation)> _tasks = new();
    private readonly PriorityQueue<(int Id, long Generation, bool ProbeNow), DateTimeOffset> _due = new();
    private long _generation;
    private bool _adoptedFirstList;

    public int Count => _tasks.Count;

    /// <summary>
    /// Adopts a new task list: new and changed tasks are (re)scheduled, missing ones dropped; a task whose target, type
    /// and interval are unchanged keeps its rhythm (and takes its other new settings at its next fire).
    /// </summary>
    public void Replace(IReadOnlyList<AgentTask> tasks, DateTimeOffset now)
    {
        var ids = tasks.Select(t => t.Id).ToHashSet();
        foreach (var gone in _tasks.Keys.Where(id => !ids.Contains(id)).ToList()) _tasks.Remove(gone);
        foreach (var task in tasks)
        {
            if (_tasks.TryGetValue(task.Id, out var known) && SameRhythm(known.Task, task))
            {
                _tasks[task.Id] = (task, known.Generation);
                continue;
            }
            var generation = ++_generation;
            _tasks[task.Id] = (task, generation);
            if (_adoptedFirstList) _due.Enqueue((task.Id, generation, true), now);
            else _due.Enqueue((task.Id, generation, false), ProbeSchedule.FirstFireAt(task.Id, task.Interval, now));
        }
        _adoptedFirstList = true;
    }

    /// <summary>Compared field by field: the HTTP options hold collections, which records compare by reference.</summary>
    private static bool SameRhythm(AgentTask a, AgentTask b) => a.Interval == b.Interval && a.Type == b.Type && a.Target == b.Target;

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
            var next = entry.ProbeNow ? ProbeSchedule.FirstFireAfterProbeNow(entry.Id, current.Task.Interval, now) : at + interval;
            if (next <= now) next = ProbeSchedule.FirstFireAt(entry.Id, current.Task.Interval, now + TimeSpan.FromMilliseconds(1));
            _due.Enqueue(entry with { ProbeNow = false }, next);
        }
        return due;
    }
}
