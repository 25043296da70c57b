namespace ProbeDashboard.Realtime;

/// <summary>
/// One circuit's view of the live events (<see cref="CircuitEventHub"/>). The circuit's scope disposes the feed when the
/// browser goes away, which removes every listener its components left behind (no leaked listeners).
/// While the browser's connection is down, events are not passed on (nobody would see what they change); when it comes
/// back, <see cref="Resumed"/> tells the components to reload what they show.
/// Listeners are called on a background thread and must marshal to their renderer themselves.
/// </summary>
public sealed class StatusFeed : IDisposable
{
    private readonly CircuitEventHub _hub;
    private readonly CircuitConnection? _connection;
    private readonly List<IDisposable> _registrations = [];
    private readonly Lock _gate = new();
    private volatile bool _missedEvents;
    private bool _disposed;

    /// <param name="connection">The circuit's connection; null outside a circuit (always connected).</param>
    public StatusFeed(CircuitEventHub hub, CircuitConnection? connection = null)
    {
        _hub = hub;
        _connection = connection;
        if (_connection is not null) _connection.Reconnected += OnReconnected;
    }

    /// <summary>The browser is back after events were held back: reload everything shown.</summary>
    public event Action? Resumed;

    /// <summary>Calls <paramref name="onEvent"/> for every event published after this call until the result is disposed.</summary>
    public IDisposable Listen(Action<LiveEvent> onEvent)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var registration = _hub.Listen(seen =>
            {
                if (_connection is { IsConnected: false }) _missedEvents = true;
                else onEvent(seen);
            });
            _registrations.Add(registration);
            return registration;
        }
    }

    /// <inheritdoc cref="Listen(Action{LiveEvent})"/>
    public IDisposable Listen(Action<object> onEvent) => Listen(seen => onEvent(seen.Event));

    private void OnReconnected()
    {
        if (!_missedEvents) return;
        _missedEvents = false;
        Resumed?.Invoke();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_connection is not null) _connection.Reconnected -= OnReconnected;
            foreach (var registration in _registrations) registration.Dispose();
            _registrations.Clear();
        }
    }
}
