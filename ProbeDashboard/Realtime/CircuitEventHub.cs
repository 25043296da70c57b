using System.Collections.Immutable;
using ProbeDashboard.Core.Events;

namespace ProbeDashboard.Realtime;

/// <summary>An event as open dashboards see it: the event, and when (a <see cref="TimeProvider.GetTimestamp"/> value) the hub took it off the bus.</summary>
public readonly record struct LiveEvent(object Event, long SeenAt);

/// <summary>
/// One bus subscription for every open dashboard circuit. Each event is taken off the bus once, stamped once and handed
/// to every circuit's listeners in turn. So fifty dashboards hold one queue instead of fifty, and they all know the same
/// moment for the same event, which is what lets them share one list query per refresh
/// (<see cref="Monitors.MonitorListPageCache"/>). With a queue per circuit, each circuit stamped the event when its own
/// pump got to it; a circuit whose pump ran after another circuit's query had started read the whole page again.
/// Listeners run on the hub's loop and must only hand work on (to their renderer), never wait.
/// </summary>
public sealed class CircuitEventHub(EventBus bus, TimeProvider time, ILogger<CircuitEventHub> logger) : IDisposable
{
    /// <summary>Bursts of 10,000 monitors changing at once fit; beyond that the hub drops (counted by the bus), never blocks.</summary>
    private const int QueueCapacity = 16_384;

    private readonly Lock _gate = new();
    private ImmutableArray<Action<LiveEvent>> _listeners = [];
    private EventSubscription<object>? _subscription;
    private bool _disposed;

    /// <summary>Listeners of open circuits' components: none once every dashboard is closed.</summary>
    public int ListenerCount => _listeners.Length;

    /// <summary>Calls <paramref name="onEvent"/> for every event published after this call until the result is disposed.</summary>
    public IDisposable Listen(Action<LiveEvent> onEvent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Subscribed while some dashboard is open: a server nobody watches queues nothing for dashboards.
            if (_subscription is null)
            {
                _subscription = bus.Subscribe<object>(QueueCapacity, includePeerEvents: true);
                _ = PumpAsync(_subscription);
            }
            _listeners = _listeners.Add(onEvent);
        }
        return new Registration(this, onEvent);
    }

    private void Remove(Action<LiveEvent> listener)
    {
        lock (_gate)
        {
            _listeners = _listeners.Remove(listener);
            if (!_listeners.IsEmpty || _subscription is null) return;
            // The last dashboard closed: leave the bus (its pump ends once the queue is read).
            _subscription.Dispose();
            _subscription = null;
        }
    }

    private async Task PumpAsync(EventSubscription<object> subscription)
    {
        await foreach (var evt in subscription.Reader.ReadAllAsync())
        {
            var seen = new LiveEvent(evt, time.GetTimestamp());
            foreach (var listener in _listeners)
            {
                try { listener(seen); }
                catch (Exception ex) { logger.LogWarning(ex, "A live-update listener failed"); }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _subscription?.Dispose();
            _subscription = null;
        }
    }

    private sealed class Registration(CircuitEventHub hub, Action<LiveEvent> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) hub.Remove(listener);
        }
    }
}
