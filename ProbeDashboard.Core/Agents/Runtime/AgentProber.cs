using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// Keeps the agent's task list current (a conditional request every few seconds) and runs due monitors with the
/// same <see cref="ProbeRunner"/> as the server, unless the server said stop. Every result goes to the on-disk
/// spool first; <see cref="AgentUploader"/> sends it from there.
/// </summary>
public sealed partial class AgentProber(
    AgentApi api,
    AgentOptions options,
    AgentSession session,
    ProbeRunner runner,
    ResultSpool spool,
    TimeProvider time,
    ILogger<AgentProber> logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private readonly AgentSchedule _schedule = new();
    private readonly Lock _scheduleLock = new();
    private readonly ConcurrentDictionary<int, byte> _inFlight = new();
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentProbes);
    private string? _version;

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RefreshLoopAsync(stoppingToken), ProbeLoopAsync(stoppingToken));

    private async Task RefreshLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.TaskRefreshSeconds), time);
        do
        {
            try
            {
                var list = await api.GetTasksAsync(session.AgentId, _version, stoppingToken);
                session.Reachable();
                if (list?.Monitors is { } monitors)
                {
                    lock (_scheduleLock) _schedule.Replace(monitors, time.GetUtcNow());
                    _version = list.Version;
                    LogTasks(logger, monitors.Count, list.Version);
                }
            }
            catch (AgentApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                // Re-registration is the heartbeat loop's job; the next refresh uses the new id.
                _version = null;
            }
            catch (Exception e) when (AgentSession.IsTransient(e) && !stoppingToken.IsCancellationRequested)
            {
                session.Unreachable("tasks", e, spool.Count);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ProbeLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            IReadOnlyList<AgentTask> due;
            lock (_scheduleLock) due = _schedule.TakeDue(time.GetUtcNow());
            // Paused rounds are skipped, not postponed: resuming does not fire a burst of old rounds.
            if (session.Paused) continue;
            foreach (var task in due)
            {
                if (_inFlight.TryAdd(task.Id, 0)) _ = RunRoundAsync(task, stoppingToken);
                else LogSkipped(logger, task.Id);
            }
        }
    }

    private async Task RunRoundAsync(AgentTask task, CancellationToken stoppingToken)
    {
        try
        {
            await _slots.WaitAsync(stoppingToken);
            try
            {
                var result = await runner.RunAsync(AgentTaskCatalog.ToMonitor(task), session.AgentId, stoppingToken);
                var probedAt = new DateTimeOffset(DateTime.SpecifyKind(result.Timestamp, DateTimeKind.Utc));
                lock (_scheduleLock) _schedule.Report(task.Id, result.Success, probedAt);
                spool.Append([new UploadedResult(result.MonitorId, result.Timestamp, result.Success, result.LatencyMs,
                    result.StatusCode, result.ErrorMessage, result.CertificateExpiresAt, result.CertificateSubject, result.CertificateIssuer)]);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogRoundFailed(logger, e, task.Id);
        }
        finally
        {
            _inFlight.TryRemove(task.Id, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Running {MonitorCount} monitors (task list version {Version})")]
    private static partial void LogTasks(ILogger logger, int monitorCount, string version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped a round of monitor {MonitorId}: the previous one is still running")]
    private static partial void LogSkipped(ILogger logger, int monitorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Probe round of monitor {MonitorId} failed unexpectedly")]
    private static partial void LogRoundFailed(ILogger logger, Exception error, int monitorId);
}
