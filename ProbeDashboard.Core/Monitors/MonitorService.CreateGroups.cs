using System.Collections.Concurrent;
using ProbeDashboard.Core.Access;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// Group commit for <see cref="MonitorService.CreateAsync(Actor, MonitorInput, string, CancellationToken)"/>: creates
/// that arrive while another group is committing queue up, and the first of them in line commits every queued one in
/// one transaction: one write turn and one WAL sync for the group instead of one each, which is what parallel API
/// clients were waiting for. Each create is still validated, given its id and its own audit entry, answered only after
/// the commit that stored it, and its change published after that commit, as a lone create would be.
/// </summary>
public sealed partial class MonitorService
{
    /// <summary>Enough to cover any number of parallel clients; bounds how long one transaction holds the write lock.</summary>
    private const int MaxCreatesPerCommit = 64;

    private readonly ConcurrentQueue<QueuedCreate> _queuedCreates = new();
    private readonly SemaphoreSlim _committingCreates = new(1, 1);

    private sealed record QueuedCreate(Actor Actor, MonitorInput Input, string Origin)
    {
        public TaskCompletionSource<MonitorSaveResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task<MonitorSaveResult> CreateInGroupAsync(Actor actor, MonitorInput input, string origin, CancellationToken cancellationToken)
    {
        var create = new QueuedCreate(actor, input, origin);
        // A caller that gives up before its group begins is left out of it (the leader skips answered creates).
        await using var giveUp = cancellationToken.Register(() => create.Answer.TrySetCanceled(cancellationToken));
        _queuedCreates.Enqueue(create);
        await _committingCreates.WaitAsync(cancellationToken);
        try
        {
            // Committed by an earlier leader while this one waited in line, or else this one leads the next group.
            if (!create.Answer.Task.IsCompleted) await CommitQueuedCreatesAsync();
        }
        finally
        {
            _committingCreates.Release();
        }
        return await create.Answer.Task;
    }

    private async Task CommitQueuedCreatesAsync()
    {
        var group = new List<QueuedCreate>();
        while (group.Count < MaxCreatesPerCommit && _queuedCreates.TryDequeue(out var next))
            if (!next.Answer.Task.IsCompleted) group.Add(next);
        // A create that throws (a database error, not a validation error) may have spoiled the transaction (SQLite can roll
        // it back by itself, PostgreSQL refuses every later statement): the group is rolled back, that create answered with
        // its error, and the others committed again without it.
        while (group.Count > 0)
        {
            List<StagedMonitorChange> staged;
            try
            {
                staged = await TryCommitGroupAsync(group);
            }
            catch (Exception error)
            {
                foreach (var create in group) create.Answer.TrySetException(error);
                return;
            }
            if (staged.Count == group.Count)
            {
                for (var i = 0; i < group.Count; i++)
                {
                    // Published before the answer, as a lone create did; a subscriber's failure reaches only its own caller.
                    try
                    {
                        Publish(staged[i]);
                        group[i].Answer.TrySetResult(staged[i].Result);
                    }
                    catch (Exception error)
                    {
                        group[i].Answer.TrySetException(error);
                    }
                }
                return;
            }
            group.RemoveAt(staged.Count);
        }
    }

    /// <returns>
    /// Every create's staged change when the group committed; otherwise those before the create that threw, which has
    /// been answered with its error, and nothing is committed.
    /// </returns>
    private async Task<List<StagedMonitorChange>> TryCommitGroupAsync(List<QueuedCreate> group)
    {
        // Not the callers' tokens: one caller giving up must not undo the others' creates.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var staged = new List<StagedMonitorChange>(group.Count);
        foreach (var create in group)
        {
            try
            {
                staged.Add(await CreateAsync(db, create.Actor, create.Input, create.Origin, CancellationToken.None));
            }
            catch (Exception error)
            {
                create.Answer.TrySetException(error);
                return staged;
            }
            // Each save sees only its own create: the tracker would otherwise compare every earlier monitor of the group again.
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(CancellationToken.None);
        return staged;
    }
}
