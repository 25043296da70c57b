using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Monitors.Flap;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// The agent's own schedule: one priority queue of due times instead of a timer per monitor. Each monitor keeps
/// the server's phase within its interval (<see cref="ProbeSchedule"/>), so a server and its agents spread
/// load the same way. A round that is late by more than an interval is skipped, never made up in a burst.
/// As on the server, only the first task list after the agent starts is spread over the phases; a task that is new
/// or whose target, type or interval changed later on is probed at once, then joins its phase.
/// Flap control follows the server's rule (<see cref="FlapControl"/>): after a failed round (<see cref="Report"/>) a
/// task with a retry_interval fires at that rhythm until a round passes or fail_threshold is reached, on the phase the
/// server's round tracker expects for that rhythm. The agent counts its own rounds: for a monitor it alone runs this is
/// the server's count.
/// </summary>
public sealed class AgentSchedule
{
    /// <summary>A task, the generation of its live queue entry, its failed rounds in a row and the rhythm it fires at now.</summary>
    private sealed class Entry(AgentTask task, long generation)
    {
        public AgentTask Task { get; set; } = task;
        public long Generation { get; set; } = generation;
        public int Failures { get; set; }
        public int Rhythm { get; set; } = task.Interval;
    }

    private readonly Dictionary<int, Entry> _tasks = new();
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
                // A new retry_interval or fail_threshold takes effect at the task's next reported round.
                known.Task = task;
                continue;
            }
            var generation = ++_generation;
            _tasks[task.Id] = new Entry(task, generation);
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
            var rhythm = current.Rhythm;
            var next = entry.ProbeNow ? ProbeSchedule.FirstFireAfterProbeNow(entry.Id, rhythm, now) : at + TimeSpan.FromSeconds(rhythm);
            if (next <= now) next = ProbeSchedule.FirstFireAt(entry.Id, rhythm, now + TimeSpan.FromMilliseconds(1));
            _due.Enqueue(entry with { ProbeNow = false }, next);
        }
        return due;
    }

    /// <summary>
    /// Counts a finished round of task <paramref name="taskId"/> (probed at <paramref name="probedAt"/>) and moves the task
    /// to its retry rhythm or back to its interval when flap control says so; the entry already queued is then dropped.
    /// </summary>
    public void Report(int taskId, bool success, DateTimeOffset probedAt)
    {
        if (!_tasks.TryGetValue(taskId, out var entry)) return;
        entry.Failures = success ? 0 : entry.Failures + 1;
        var task = entry.Task;
        var wanted = FlapControl.RoundInterval(task.Interval, task.RetryInterval, task.FailThreshold, entry.Failures);
        if (wanted == entry.Rhythm) return;
        entry.Rhythm = wanted;
        entry.Generation = ++_generation;
        // The same first fire the server's trigger takes (ProbeScheduleSync.FollowRoundsAsync), so both count the same rounds.
        _due.Enqueue((taskId, entry.Generation, false), ProbeSchedule.FirstFireAfterProbeNow(taskId, wanted, probedAt));
    }

    /// <summary>The rhythm task <paramref name="taskId"/> fires at now, in seconds; null for an unknown task.</summary>
    public int? RhythmOf(int taskId) => _tasks.TryGetValue(taskId, out var entry) ? entry.Rhythm : null;
}
