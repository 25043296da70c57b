using System.Collections.Immutable;
using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Realtime;

/// <summary>
/// One circuit's view of the event bus. The first listener opens a single bus subscription; the circuit's
/// scope disposes the feed when the browser goes away, which removes the subscription (no leaked queues).
/// Listeners are called on a background thread and must marshal to their renderer themselves.
/// </summary>
public sealed class StatusFeed(EventBus bus, ILogger<StatusFeed> logger) : IDisposable
{
    /// <summary>Large enough for bursts of 1,000 monitors; a circuit that falls further behind drops, never blocks.</summary>
    private const int QueueCapacity = 4096;

    private readonly CancellationTokenSource _stop = new();
    private ImmutableArray<Action<object>> _listeners = ImmutableArray<Action<object>>.Empty;
    private EventSubscription<object>? _subscription;
    private readonly Lock _gate = new();

    /// <summary>Calls <paramref name="onEvent"/> for every event published after this call until the result is disposed.</summary>
    public IDisposable Listen(Action<object> onEvent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            if (_subscription is null)
            {
                _subscription = bus.Subscribe<object>(QueueCapacity, includePeerEvents: true);
                _ = PumpAsync(_subscription, _stop.Token);
            }
        }
        ImmutableInterlocked.Update(ref _listeners, list => list.Add(onEvent));
        return new Registration(this, onEvent);
    }

    private async Task PumpAsync(EventSubscription<object> subscription, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var evt in subscription.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var listener in _listeners)
                {
                    try { listener(evt); }
                    catch (Exception ex) { logger.LogWarning(ex, "A live-update listener failed"); }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return;
            _stop.Cancel();
            _subscription?.Dispose();
        }
        _stop.Dispose();
    }

    private sealed class Registration(StatusFeed feed, Action<object> listener) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref feed._listeners, list => list.Remove(listener));
    }
}
