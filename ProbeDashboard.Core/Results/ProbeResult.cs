namespace ProbeDashboard.Core.Results;

/// <summary>One probe round of one monitor from one host. A failed probe is data, not an exception.</summary>
public class ProbeResult
{
    /// <summary>The longest message kept: a push ping's body may be up to 10 KB (probe errors are far shorter).</summary>
    public const int MaxMessageLength = 10 * 1024;

    public long Id { get; set; }
    public int MonitorId { get; set; }
    public int HostId { get; set; }

    /// <summary>
    /// When the probe ran, UTC, to the microsecond: the finest time PostgreSQL keeps. Truncated on the way in, so the
    /// value a result carries in memory (events, de-duplication of resent agent batches) is exactly the one stored,
    /// whichever database holds it.
    /// </summary>
    public DateTime Timestamp
    {
        get => _timestamp;
        set => _timestamp = new DateTime(value.Ticks - value.Ticks % TimeSpan.TicksPerMicrosecond, value.Kind);
    }

    private DateTime _timestamp;

    public bool Success { get; set; }
    /// <summary>Round-trip time in milliseconds; 0 when nothing answered.</summary>
    public double LatencyMs { get; set; }
    /// <summary>HTTP status code; 0 for TCP/ICMP or when no response arrived.</summary>
    public int StatusCode { get; set; }
    /// <summary>Short, human reason for a failure ("connection refused", "timeout after 10s"); for push monitors what the job sent.</summary>
    public string? ErrorMessage { get; set; }
    /// <summary>Expiry of the TLS certificate the target presented (https and TLS monitors).</summary>
    public DateTime? CertificateExpiresAt { get; set; }
    /// <summary>Distinguished name of the presented leaf certificate's subject.</summary>
    public string? CertificateSubject { get; set; }
    /// <summary>Distinguished name of the presented leaf certificate's issuer.</summary>
    public string? CertificateIssuer { get; set; }

    /// <summary>
    /// For a push ping: the monitor's next deadline, moved in the transaction that stores this result, so a ping costs
    /// no write transaction of its own. Not a column of the result.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped, System.Text.Json.Serialization.JsonIgnore]
    public DateTime? MovesPushDeadlineTo { get; set; }
}
