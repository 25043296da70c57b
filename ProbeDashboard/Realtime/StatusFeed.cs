namespace ProbeDashboard.Realtime;

/// <summary>
/// One circuit's view of the live events (<see cref="CircuitEventHub"/>). The circuit's scope disposes the feed when the
/// browser goes away, which removes every listener its components left behind (no leaked listeners).
/// Listeners are called on a background thread and must marshal to their renderer themselves.
/// </summary>
public sealed class StatusFeed(CircuitEventHub hub) : IDisposable
{
    private readonly List<IDisposable> _registrations = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Calls <paramref name="onEvent"/> for every event published after this call until the result is disposed.</summary>
    public IDisposable Listen(Action<LiveEvent> onEvent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var registration = hub.Listen(onEvent);
            _registrations.Add(registration);
            return registration;
        }
    }

    /// <inheritdoc cref="Listen(Action{LiveEvent})"/>
    public IDisposable Listen(Action<object> onEvent) => Listen(seen => onEvent(seen.Event));

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var registration in _registrations) registration.Dispose();
            _registrations.Clear();
        }
    }
}
