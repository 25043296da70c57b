using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts.Engine;

public sealed partial class AlertProcessor
{
    /// <summary>This node's turn at judging, held from the gate's entry to its exit; null outside a cluster.</summary>
    private AdvisoryLock? _clusterTurn;

    /// <summary>
    /// In a cluster, judging is one node at a time: a PostgreSQL advisory lock held for the whole pass (read, decide,
    /// commit). Another node may have opened, fired, resolved, acknowledged or silenced events since this node last
    /// looked, so the pass starts from the stored events, not from memory: the state machines are rebuilt from the open
    /// events (which hold a machine's whole state) and the last notifications of recent closed ones. Nothing is then
    /// decided twice: a second node sees the first one's committed change and finds nothing left to do.
    /// A node that dies mid-pass lets go of the lock with its session and its transaction rolls back.
    /// </summary>
    private async Task TakeClusterTurnAsync(ProbeDbContext db, CancellationToken cancellationToken)
    {
        _clusterTurn = await AdvisoryLock.OnContextAsync(db, AdvisoryLock.AlertEvaluationKey, cancellationToken);
        _tracked.Clear();
        _loaded = false;
    }

    /// <summary>Ends the pass: lets the other nodes judge, then lets this node's next caller in.</summary>
    private async Task LeaveGateAsync()
    {
        var turn = _clusterTurn;
        _clusterTurn = null;
        try
        {
            if (turn is not null) await turn.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
