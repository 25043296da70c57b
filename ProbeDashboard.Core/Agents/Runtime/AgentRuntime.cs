using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Hosts.Metrics;
using ProbeDashboard.Core.Resilience;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// The agent mode's main loop: registers (retrying until the server answers), then runs heartbeats, start/stop
/// polling, probing (<see cref="AgentProber"/>) and uploads (<see cref="AgentUploader"/>) side by side.
/// A rejected token stops the agent with exit code 2: retrying cannot fix it.
/// </summary>
public sealed partial class AgentRuntime(
    AgentApi api,
    AgentOptions options,
    AgentSession session,
    AgentProber prober,
    AgentUploader uploader,
    ResultSpool spool,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<AgentRuntime> logger) : BackgroundService
{
    public const int TokenRejectedExitCode = 2;
    public const int RejectedExitCode = 3;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterAsync(stoppingToken);
            await RunLoopsAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (AgentApiException e)
        {
            if (e.Status == HttpStatusCode.Unauthorized) LogTokenRejected(logger, e.Message);
            else LogRejected(logger, (int)e.Status, e.Message);
            Environment.ExitCode = e.Status == HttpStatusCode.Unauthorized ? TokenRejectedExitCode : RejectedExitCode;
            lifetime.StopApplication();
        }
    }

    /// <summary>Runs the loops until shutdown; the first loop to fail (a rejected token) stops the others and is rethrown.</summary>
    private async Task RunLoopsAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task[] loops = [HeartbeatLoopAsync(stop.Token), CommandLoopAsync(stop.Token), prober.RunAsync(stop.Token), uploader.RunAsync(stop.Token)];
        var first = await Task.WhenAny(loops);
        await stop.CancelAsync();
        await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        await first;
    }

    /// <summary>Registers (or re-registers, when the server no longer knows this agent) until it succeeds.</summary>
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var untilRegistered = RetryPipelines.UntilSuccess(FirstRetryDelay, MaxRetryDelay, time, AgentSession.IsTransient,
            (e, _) => session.Unreachable("register", e, spool.Count));
        session.AgentId = await untilRegistered.ExecuteAsync(
            async token => await api.RegisterAsync(AgentIdentity.Registration(options), token), cancellationToken);
        session.Reachable();
        LogRegistered(logger, options.Name, session.AgentId, options.Server);
    }

    private async Task HeartbeatLoopAsync(CancellationToken stoppingToken)
    {
        var sampler = new HostMetricsSampler(time);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.HeartbeatSeconds), time);
        do
        {
            try
            {
                await api.SendHeartbeatAsync(Heartbeat(sampler.Sample()), stoppingToken);
                session.Reachable();
            }
            catch (AgentApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                LogForgotten(logger, session.AgentId);
                await RegisterAsync(stoppingToken);
            }
            catch (Exception e) when (AgentSession.IsTransient(e) && !stoppingToken.IsCancellationRequested)
            {
                session.Unreachable("heartbeat", e, spool.Count);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CommandLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CommandPollSeconds), time);
        do
        {
            try
            {
                session.Apply(await api.GetCommandAsync(stoppingToken));
            }
            catch (AgentApiException e) when (e.Status == HttpStatusCode.NotFound)
            {
                // The heartbeat loop re-registers; until then keep the last command.
            }
            catch (Exception e) when (AgentSession.IsTransient(e) && !stoppingToken.IsCancellationRequested)
            {
                session.Unreachable("start/stop", e, spool.Count);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Seed 003's heartbeat detail: cpu, memory and disk as JSON text, plus this product's load and network.</summary>
    private object Heartbeat(HostSnapshot snapshot)
    {
        var m = snapshot.Metrics;
        return new
        {
            disk = Text(new { rate = m.DiskUsage, total = Size(snapshot.DiskTotalBytes), use = Size(snapshot.DiskUsedBytes) }),
            memory = Text(new { total = Size(snapshot.MemoryTotalBytes), rate = m.MemUsage, use = Size(snapshot.MemoryUsedBytes) }),
            agentId = session.AgentId,
            cpu = Text(new { rate = m.CpuUsage }),
            load = Text(new { load1 = m.Load1, load5 = m.Load5, load15 = m.Load15 }),
            network = Text(new { inSpeed = m.NetInSpeed, outSpeed = m.NetOutSpeed }),
            methodQueue = 0,
            replayQueue = 0,
            reqCount = 0,
            reportQueue = spool.Count,
        };
    }

    private static string Text(object value) => JsonSerializer.Serialize(value, AgentJson.Options);

    /// <summary>"2GB", "80.605MB" as in the seed's example.</summary>
    internal static string Size(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return Math.Round(value, 3).ToString(CultureInfo.InvariantCulture) + units[unit];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered as {AgentName} with agent id {AgentId} at {Server}")]
    private static partial void LogRegistered(ILogger logger, string agentName, int agentId, Uri server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server no longer knows agent {AgentId}; registering again")]
    private static partial void LogForgotten(ILogger logger, int agentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server rejected the agent ({Status}: {Reason}); stopping")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The server rejected the agent token ({Reason}); stopping. Start the agent with a valid token.")]
    private static partial void LogTokenRejected(ILogger logger, string reason);
}
