using System.Globalization;

namespace ProbeDashboard.Core.Push;

public enum PushPingKind
{
    Success,
    Failure,
    /// <summary>A run began (<c>/start</c>): the next success or failure measures its duration.</summary>
    Start,
}

/// <summary>One ping as the URL and body sent it, before it is tied to a monitor.</summary>
/// <param name="Message">The POST body (first 10 KB) or <c>msg</c>; kept as the result's message.</param>
/// <param name="LatencyMs">Uptime Kuma's <c>ping</c>: the sender's own measurement, used when no run was started.</param>
public sealed record PushPing(PushPingKind Kind, string? Message = null, double? LatencyMs = null, int? ExitStatus = null)
{
    /// <summary>How much of a POST body is kept.</summary>
    public const int MaxMessageChars = Results.ProbeResult.MaxMessageLength;

    /// <summary>
    /// Reads the forms a ping comes in: <c>/api/push/{token}</c> (success), <c>/fail</c>, <c>/start</c>, <c>/{exit
    /// status 0-255}</c>, and Uptime Kuma's <c>?status=up|down&amp;msg=...&amp;ping=ms</c>.
    /// </summary>
    /// <param name="action">The path segment after the token, or null.</param>
    /// <param name="problem">Why the ping cannot be read; null when it can.</param>
    public static PushPing? Read(string? action, string? status, string? msg, string? ping, string? body, out string? problem)
    {
        problem = null;
        var message = Clip(string.IsNullOrEmpty(body) ? msg : body);
        double? latency = null;
        if (!string.IsNullOrEmpty(ping))
        {
            if (!double.TryParse(ping, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || !double.IsFinite(ms) || ms < 0)
            {
                problem = "ping must be a number of milliseconds";
                return null;
            }
            latency = ms;
        }
        switch (action?.ToLowerInvariant())
        {
            case null or "":
                var kind = status?.ToLowerInvariant() switch
                {
                    null or "" or "up" => PushPingKind.Success,
                    "down" => PushPingKind.Failure,
                    _ => (PushPingKind?)null,
                };
                if (kind is null) problem = "status must be up or down";
                return kind is null ? null : new PushPing(kind.Value, message, latency);
            case "fail":
                return new PushPing(PushPingKind.Failure, message, latency);
            case "start":
                return new PushPing(PushPingKind.Start, message, latency);
        }
        if (int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var exit) && exit <= 255)
            return new PushPing(exit == 0 ? PushPingKind.Success : PushPingKind.Failure, message, latency, exit);
        problem = "the path after the token must be fail, start or an exit status from 0 to 255";
        return null;
    }

    /// <summary>The result's message: the exit status of a failed run first, then what the sender said.</summary>
    public string? ResultMessage => ExitStatus is > 0
        ? string.IsNullOrEmpty(Message) ? $"exit status {ExitStatus}" : $"exit status {ExitStatus}: {Message}"
        : Message ?? (Kind == PushPingKind.Failure ? "the job reported a failure" : null);

    private static string? Clip(string? text) => text is { Length: > MaxMessageChars } ? text[..MaxMessageChars] : text;
}

public enum PushReceipt
{
    /// <summary>No push monitor has this token (or it is not a token at all).</summary>
    UnknownToken,
    /// <summary>The monitor is paused: the ping was accepted and nothing was recorded.</summary>
    Paused,
    Recorded,
    Started,
}
