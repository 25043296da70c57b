using System.Threading.Channels;

namespace ProbeDashboard.Core.Notifications;

/// <summary>Wakes the dispatcher when new messages were committed, so they go out without waiting for the next poll.</summary>
public sealed class NotificationSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var signal = _channel.Reader.WaitToReadAsync(cts.Token).AsTask();
        await Task.WhenAny(delay, signal);
        await cts.CancelAsync();
        _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
