using Microsoft.AspNetCore.Components;
using ProbeDashboard.Ui.Time;

namespace ProbeDashboard.Realtime;

/// <summary>
/// A component that refreshes itself from the event bus: once interactive it listens to the circuit's
/// <see cref="StatusFeed"/>, merges bursts through a <see cref="RenderThrottle"/>, reloads when its browser comes back
/// after a dropped connection, and stops listening on dispose.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private IDisposable? _listening;
    private RenderThrottle? _throttle;

    [Inject] private StatusFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<LiveComponentBase> Logger { get; set; } = default!;
    [Inject] private BrowserClock Clock { get; set; } = default!;

    /// <summary>Cancelled when the component goes away; pass it to every query.</summary>
    protected CancellationToken ComponentToken => _disposed.Token;

    /// <summary>Reloads what the component shows. Called on the renderer's thread; render follows.</summary>
    protected abstract Task RefreshAsync();

    /// <summary>
    /// When (a <see cref="TimeProvider.GetTimestamp"/> value) the last event that <see cref="IsRelevant"/> let through
    /// arrived: a refresh may reuse data read after it (see <see cref="Monitors.MonitorListPageCache"/>).
    /// </summary>
    protected long LastRelevantEventAt => Interlocked.Read(ref _lastRelevantEventAt);
    private long _lastRelevantEventAt;

    /// <summary>Whether an event can change what this component shows; everything by default.</summary>
    protected virtual bool IsRelevant(object evt) => true;

    /// <summary>
    /// Whether the component renders itself after <see cref="RefreshAsync"/>. A component whose refresh makes a child
    /// render itself (a data grid reloading its rows) says no: rendering the parent too drew the child a second time.
    /// </summary>
    protected virtual bool RendersAfterRefresh => true;

    /// <summary>At most one refresh per this much time, however many events arrive.</summary>
    protected virtual TimeSpan RefreshInterval => RenderThrottle.DefaultInterval;

    /// <summary>Whether a relevant event must be shown within <see cref="RefreshInterval"/>; every one by default.</summary>
    protected virtual bool IsUrgent(object evt) => true;

    /// <summary>How long events that are not urgent may wait for a refresh (<see cref="RenderThrottle"/>).</summary>
    protected virtual TimeSpan RoutineRefreshInterval => RefreshInterval;

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _disposed.IsCancellationRequested) return;
        _throttle = new RenderThrottle(() => InvokeAsync(async () =>
        {
            if (_disposed.IsCancellationRequested) return;
            await RefreshAsync();
            if (RendersAfterRefresh) StateHasChanged();
        }), Time, Logger, RefreshInterval, RoutineRefreshInterval);
        _listening = Feed.Listen((LiveEvent seen) =>
        {
            if (!IsRelevant(seen.Event)) return;
            // The hub's stamp, not this listener's clock: every circuit refreshing for this event can then share one read.
            Interlocked.Exchange(ref _lastRelevantEventAt, seen.SeenAt);
            _throttle.Request(IsUrgent(seen.Event));
        });
        // The first data may have been shaped in another zone than the browser's (none known yet, or the cookie's was
        // out of date): chart axes, day buckets.
        Clock.TimeZoneLearned += _throttle.Request;
        // Events were held back while the browser was away: whatever it shows may be out of date.
        Feed.Resumed += _throttle.Request;
    }

    public virtual void Dispose()
    {
        _listening?.Dispose();
        if (_throttle is not null)
        {
            Clock.TimeZoneLearned -= _throttle.Request;
            Feed.Resumed -= _throttle.Request;
            _throttle.Dispose();
        }
        _disposed.Cancel();
        GC.SuppressFinalize(this);
    }
}
