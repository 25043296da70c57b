using System.Net;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>
/// What the agent's loops share: its id on the server, whether the server told it to stop probing, and whether
/// the server is reachable, logged once per change rather than once per failed call.
/// </summary>
public sealed partial class AgentSession(ILogger<AgentSession> logger)
{
    private volatile int _agentId;
    private volatile bool _paused;
    private int _unreachable;

    public int AgentId { get => _agentId; set => _agentId = value; }

    public bool Paused => _paused;

    /// <summary>Applies the start/stop command; logs only changes.</summary>
    public void Apply(string command)
    {
        var pause = string.Equals(command, "stop", StringComparison.OrdinalIgnoreCase);
        if (pause == _paused) return;
        _paused = pause;
        if (pause) LogPaused(logger);
        else LogResumed(logger);
    }

    public void Reachable()
    {
        if (Interlocked.Exchange(ref _unreachable, 0) == 1) LogReachable(logger);
    }

    public void Unreachable(string what, Exception error, int queued)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 0) LogUnreachable(logger, what, error.Message, queued);
    }

    /// <summary>True for errors worth retrying later: the network, timeouts, and the server's 5xx.</summary>
    public static bool IsTransient(Exception e) =>
        e is HttpRequestException or TaskCanceledException or IOException
        || e is AgentApiException { Status: >= HttpStatusCode.InternalServerError };

    [LoggerMessage(Level = LogLevel.Information, Message = "Server says stop: probing paused (heartbeats continue)")]
    private static partial void LogPaused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server says start: probing resumed")]
    private static partial void LogResumed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Server unreachable ({What}: {Reason}); results are kept on disk ({QueuedCount} queued) and sent when it is back")]
    private static partial void LogUnreachable(ILogger logger, string what, string reason, int queuedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server reachable again")]
    private static partial void LogReachable(ILogger logger);
}
