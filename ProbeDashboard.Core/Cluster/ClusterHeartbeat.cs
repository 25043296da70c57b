using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Cluster;

/// <summary>
/// Every heartbeat period: measures this node's load (rounds owned, probes/s) and, in a cluster, writes the node's row
/// and reads everyone's into <see cref="ClusterMembership"/>. Without a cluster it touches no table. A failed write is
/// logged and retried; a node that cannot write its heartbeat stops owning rounds when its lease runs out, the same
/// instant the others take them over.
/// </summary>
public sealed partial class ClusterHeartbeat(
    ClusterMembership membership,
    ClusterNodeTable table,
    IClusterWorkload workload,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ClusterHeartbeat> logger) : BackgroundService
{
    private long _lastStarted;
    private DateTime _lastSampleAt;
    private bool _failing;

    /// <summary>This node's load as of the last heartbeat (what the Cluster card shows for it).</summary>
    public NodeLoad Load { get; private set; } = new(0, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _lastSampleAt = time.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(membership.Options.Heartbeat, time);
        do
        {
            await BeatAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        Load = Measure();
        if (!membership.Enabled) return;
        try
        {
            var newer = await table.BeatAsync(Load, workload.IsProbing, cancellationToken);
            if (_failing) LogRecovered(logger);
            _failing = false;
            if (newer is not null) RefuseOlderBuild(newer);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!_failing) LogBeatFailed(logger, e);
            _failing = true;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!membership.Enabled) return;
        try
        {
            await table.LeaveAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLeaveFailed(logger, e);
        }
    }

    private NodeLoad Measure()
    {
        var now = time.GetUtcNow();
        var started = workload.ProbesStarted;
        var seconds = (now.UtcDateTime - _lastSampleAt).TotalSeconds;
        var rate = seconds > 0 ? (started - _lastStarted) / seconds : 0;
        (_lastStarted, _lastSampleAt) = (started, now.UtcDateTime);
        var owned = 0;
        foreach (var (monitorId, hostId) in workload.ScheduledRounds())
            if (membership.Owns(monitorId, hostId, now)) owned++;
        return new NodeLoad(owned, Math.Round(rate, 2));
    }

    /// <summary>A node with a newer schema joined: this build does not know the tables it now writes to.</summary>
    private void RefuseOlderBuild(ClusterNode newer)
    {
        LogOlderBuild(logger, newer.Name, newer.Version, newer.SchemaVersion, BuildVersion.Current);
        Environment.ExitCode = 65;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the cluster heartbeat failed; retrying every heartbeat (this node stops owning rounds when its lease runs out)")]
    private static partial void LogBeatFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster heartbeat written again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark this node as leaving the cluster; the others take its rounds when its lease runs out")]
    private static partial void LogLeaveFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: node {Node} runs version {Version} with schema {Schema}, newer than this build ({Current}). Upgrade this node.")]
    private static partial void LogOlderBuild(ILogger logger, string node, string version, string schema, string current);
}

/// <summary>A node's load: the rounds it owns and the probe rounds it starts per second.</summary>
public sealed record NodeLoad(int RoundsOwned, double ProbesPerSecond);
