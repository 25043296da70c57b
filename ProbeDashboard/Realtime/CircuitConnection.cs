using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ProbeDashboard.Realtime;

/// <summary>
/// Whether the circuit's browser is connected. A browser that drops off without closing its tab (a laptop put to
/// sleep, a phone in a pocket, a network gone) leaves its circuit on the server for the retention period (3 minutes by
/// default); meanwhile its live components need not reload anything nobody can see (<see cref="StatusFeed"/>).
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _connected = true;

    /// <summary>True until the connection drops, and again once the browser is back. Outside a circuit, always true.</summary>
    public bool IsConnected => _connected;

    /// <summary>The browser is back after its connection dropped (not raised for the circuit's first connection).</summary>
    public event Action? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _connected = false;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var wasDown = !_connected;
        _connected = true;
        if (wasDown) Reconnected?.Invoke();
        return Task.CompletedTask;
    }
}
