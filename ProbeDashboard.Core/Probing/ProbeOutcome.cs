namespace ProbeDashboard.Core.Probing;

/// <summary>What one attempt of one probe observed, before it is tied to a monitor, host and time.</summary>
/// <param name="LatencyMs">Round-trip time in milliseconds; 0 when nothing answered.</param>
/// <param name="StatusCode">HTTP status code; 0 for TCP/ICMP or when no response arrived.</param>
/// <param name="Error">Short, human reason when <paramref name="Success"/> is false.</param>
/// <param name="Certificate">The leaf certificate a TLS handshake presented (https and TLS monitors), even a rejected one.</param>
public sealed record ProbeOutcome(
    bool Success,
    double LatencyMs,
    int StatusCode = 0,
    string? Error = null,
    SeenCertificate? Certificate = null)
{
    public DateTime? CertificateExpiresAt => Certificate?.NotAfter;

    public static ProbeOutcome Up(double latencyMs, int statusCode = 0, SeenCertificate? certificate = null) =>
        new(true, latencyMs, statusCode, null, certificate);

    /// <summary>
    /// The verdict of an upside-down monitor: a failure is up, with the reason kept as "up (inverted): connection refused
    /// expected" so the history says why; a success is down ("down (inverted): the target answered").
    /// </summary>
    public ProbeOutcome Inverted() => Success
        ? this with { Success = false, Error = ProbeErrors.InvertedDown }
        : this with { Success = true, Error = ProbeErrors.InvertedUp(Error) };

    public static ProbeOutcome Down(string error, double latencyMs = 0, int statusCode = 0, SeenCertificate? certificate = null) =>
        new(false, latencyMs, statusCode, error, certificate);
}
