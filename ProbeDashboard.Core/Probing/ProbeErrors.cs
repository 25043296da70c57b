using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Authentication;
using ProbeDashboard.Core.Egress;

namespace ProbeDashboard.Core.Probing;

/// <summary>Turns what a probe threw into the short, human text stored with a failed result.</summary>
public static class ProbeErrors
{
    private const int MaxLength = 200;

    public static string TimedOut(int timeoutSeconds) => $"timeout after {timeoutSeconds}s";

    public static string UnexpectedStatus(ExpectedStatusCodes expected, int actual) => $"expected status {expected}, got {actual}";

    public static string KeywordMissing(string keyword) => $"keyword '{keyword}' not found";

    /// <summary>An upside-down monitor whose target answered: that is its failure.</summary>
    public const string InvertedDown = "down (inverted): the target answered, a failure was expected";

    /// <summary>An upside-down monitor whose probe failed as it should: up, saying what was expected.</summary>
    public static string InvertedUp(string? error) => $"up (inverted): {error ?? "failure"} expected";

    public static string KeywordFound(string keyword) => $"keyword '{keyword}' found, but must not be";

    /// <summary>Walks the inner exceptions for the first one that has a well-known meaning.</summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var known = Known(e);
            if (known is not null) return known;
        }
        return Shorten(exception.Message);
    }

    private static string? Known(Exception e) => e switch
    {
        EgressBlockedException blocked => blocked.Message,
        SocketException socket => Socket(socket.SocketErrorCode),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "name not resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before a response",
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => "invalid HTTP response",
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } =>
            $"response headers larger than {ResponseLimits.MaxHeadersKib} KiB",
        AuthenticationException tls => "TLS handshake failed: " + Shorten(tls.Message),
        UnauthorizedAccessException => "permission denied",
        PingException ping when ping.InnerException is null => Shorten(ping.Message),
        _ => null,
    };

    private static string? Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "name not resolved",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.ConnectionReset => "connection reset",
        SocketError.AccessDenied => "permission denied",
        _ => null,
    };

    private static string Shorten(string message) =>
        message.Length <= MaxLength ? message : message[..(MaxLength - 1)] + "…";
}
