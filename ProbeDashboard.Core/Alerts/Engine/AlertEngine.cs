using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Hosts;

namespace ProbeDashboard.Core.Alerts.Engine;

/// <summary>
/// Feeds the <see cref="AlertProcessor"/>: committed probe results, host metric samples, hosts going offline or
/// online, and monitor changes
/// from the bus, plus a periodic tick for durations, silences and reminders.
/// </summary>
public sealed class AlertEngine(EventBus bus, AlertProcessor processor, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertEngine> logger)
    : BackgroundService
{
    private volatile Func<int>[] _queued = [];

    /// <summary>
    /// True when every message published to the engine so far has been handled: each stays in its queue until its
    /// handling is done. Tests wait for this instead of sleeping to prove that a message changed nothing.
    /// </summary>
    internal bool IsIdle => _queued.Length > 0 && _queued.All(count => count() == 0);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribed before the first await, so nothing published once the host has started is missed.
        var results = bus.Subscribe<ProbeResultsCommitted>();
        var hostMetrics = bus.Subscribe<HostMetricsSampled>(capacity: 4096);
        var monitorChanges = bus.Subscribe<MonitorConfigurationChanged>();
        var hostStatus = bus.Subscribe<HostStatusChanged>();
        _queued = [() => results.Reader.Count, () => hostMetrics.Reader.Count, () => monitorChanges.Reader.Count, () => hostStatus.Reader.Count];
        return Task.WhenAll(
            ConsumeAsync(results, (m, ct) => processor.ProcessRoundsAsync(m.Rounds, ct), stoppingToken),
            ConsumeAsync(hostMetrics, processor.ProcessHostMetricsAsync, stoppingToken),
            ConsumeAsync(monitorChanges, (m, ct) => processor.MonitorChangedAsync(m.MonitorId, ct), stoppingToken),
            ConsumeAsync(hostStatus, (m, ct) => processor.ProcessHostMetricsAsync(OnlineSample(m), ct), stoppingToken),
            TickAsync(stoppingToken));
    }

    /// <summary>A host's liveness as a one-metric sample, so rules such as <c>online == 0</c> use the same machine.</summary>
    private static HostMetricsSampled OnlineSample(HostStatusChanged change) =>
        new(change.HostId, change.HostName, change.HostUuid, change.Since,
            new Dictionary<string, double> { [Conditions.AlertMetrics.OnlineMetric] = change.Online ? 1 : 0 });

    private async Task ConsumeAsync<T>(EventSubscription<T> subscription, Func<T, CancellationToken, Task> handle, CancellationToken stoppingToken)
        where T : class
    {
        using var _ = subscription;
        var reader = subscription.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // Peeked, handled, then taken: the queue shows the message until it is done (see IsIdle).
                while (reader.TryPeek(out var message))
                {
                    try { await handle(message, stoppingToken); }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogError(e, "Alert evaluation of a {MessageType} failed", typeof(T).Name);
                    }
                    reader.TryRead(out T? _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.TickIntervalMs), time);
        try
        {
            do
            {
                try { await processor.TickAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Alert tick failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}

/// <summary>Section "Alerts".</summary>
public class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>How often time alone is allowed to move alerts (pending → firing, silence end, reminders), in ms.</summary>
    [System.ComponentModel.DataAnnotations.Range(50, 600_000)]
    public int TickIntervalMs { get; set; } = 5_000;

    /// <summary>The least after_seconds between two escalation steps (the first step may be 0), in seconds.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 86_400)]
    public int MinEscalationSeconds { get; set; } = 60;
}
