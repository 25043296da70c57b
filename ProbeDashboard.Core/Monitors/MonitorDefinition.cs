using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.Monitors;

/// <summary>A service monitor: what to probe, how often, and how to judge the answer (seed 001 §1).</summary>
public class MonitorDefinition
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public MonitorKind Kind { get; set; }
    /// <summary>URL for HTTP, host:port for TCP, host or IP for ICMP.</summary>
    public string Target { get; set; } = "";
    /// <summary>Probe interval in seconds (the seed's <c>duration</c>).</summary>
    public int IntervalSeconds { get; set; } = 60;
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>Extra attempts inside one round before the round counts as failed.</summary>
    public int Retry { get; set; }
    /// <summary>
    /// Seconds between rounds while the monitor is failing but has not reached <see cref="FailThreshold"/> yet (the seed's
    /// <c>retry_interval</c>); null means the same as <see cref="IntervalSeconds"/>.
    /// </summary>
    public int? RetryIntervalSeconds { get; set; }
    /// <summary>Success and failure swap: a port that must stay closed, a page that must not answer.</summary>
    public bool UpsideDown { get; set; }
    /// <summary>
    /// Monitors this one depends on (the seed's <c>depends_on</c>): while one of them is offline, this monitor's alert
    /// events are created suppressed and notify nobody. Never a cycle.
    /// </summary>
    public List<int> DependsOn { get; set; } = [];

    public ExecuteOnKind ExecuteOn { get; set; } = ExecuteOnKind.All;
    public int? ExecuteOnGroupId { get; set; }
    public List<int> ExecuteOnHostIds { get; set; } = [];
    public List<int> SkipHostIds { get; set; } = [];

    public bool EnableAlert { get; set; }
    /// <summary>Failed rounds in a row before the monitor's down alert fires.</summary>
    public int FailThreshold { get; set; } = 3;
    /// <summary>
    /// Hosts that must fail in one round for the round to count as failed; null means every host that reported.
    /// A quorum above the number of hosts that reported means all of them.
    /// </summary>
    public int? FailQuorum { get; set; }
    /// <summary>Consecutive good rounds before a probe alert resolves (damps flapping).</summary>
    public int RecoverThreshold { get; set; } = 1;
    public int? NotificationGroupId { get; set; }
    /// <summary>Escalates its own alerts by this policy, besides (or instead of) notifying a group.</summary>
    public int? EscalationPolicyId { get; set; }
    public bool LatencyAlert { get; set; }
    /// <summary>Latency threshold in seconds.</summary>
    public double? MaxLatencySeconds { get; set; }

    public HttpProbeOptions Http { get; set; } = new();

    /// <summary>What a DNS monitor asks; defaults for the other types.</summary>
    public Probing.Dns.DnsProbeOptions Dns { get; set; } = new();

    /// <summary>
    /// Days before the certificate's expiry at which a certificate alert is raised (https HTTP and TLS monitors),
    /// largest first; empty switches the alert off.
    /// </summary>
    public List<int> TlsExpiryDays { get; set; } = [.. DefaultTlsExpiryDays];

    public static readonly IReadOnlyList<int> DefaultTlsExpiryDays = [21, 14, 7];

    /// <summary>Whether probes of this monitor see a certificate: a TLS monitor, or an HTTP monitor of an https URL.</summary>
    public bool ChecksCertificate =>
        Kind == MonitorKind.Tls || (Kind == MonitorKind.Http && Target.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>When a push monitor expects its pings; empty for the other types.</summary>
    public PushProbeOptions Push { get; set; } = new();
    /// <summary>The secret of a push monitor's ping URL; null for the other types.</summary>
    public string? PushToken { get; set; }
    /// <summary>
    /// When a push monitor that heard nothing counts as missed: the next slot plus grace, or a started run plus grace.
    /// Null when nothing is awaited (other types, paused). Indexed: one query per sweep finds every due monitor.
    /// </summary>
    public DateTime? PushDeadline { get; set; }
    /// <summary>When the run announced by <c>/start</c> began; null when no run is in progress.</summary>
    public DateTime? PushRunStartedAt { get; set; }
    /// <summary>When the last finished-run ping (success or failure) arrived.</summary>
    public DateTime? PushLastPingAt { get; set; }

    /// <summary>Where the monitor came from ("ui", "api", "iplive:app/group", "openapi:user"...).</summary>
    public string Origin { get; set; } = "api";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Latest known outcome, kept up to date by the result writer so lists never scan history.</summary>
    public MonitorCurrentState Current { get; set; } = new();

    /// <summary>After a change of target or a pause the last status describes something else: unknown until the next probe.</summary>
    public void MarkUnknown(DateTime now)
    {
        Current.Status = MonitorStatus.Unknown;
        Current.StatusSince = now;
        Current.ConsecutiveFailures = 0;
    }

    /// <summary>
    /// Starts or stops awaiting pings after a change of type, schedule or pause: an enabled push monitor expects its
    /// first ping by the next slot plus grace from <paramref name="now"/>; any other monitor, or a paused one, awaits
    /// nothing. A push monitor keeps its token (its cron jobs keep working); another type has none.
    /// </summary>
    public void ArmPush(DateTime now)
    {
        PushRunStartedAt = null;
        if (Kind != MonitorKind.Push)
        {
            (PushToken, PushDeadline) = (null, null);
            return;
        }
        PushToken ??= PushTokens.New();
        PushDeadline = Enabled ? PushSchedule.Of(Push).DeadlineAfterPing(now) : null;
    }
}

public enum MonitorKind
{
    Http = 1,
    Tcp = 2,
    Icmp = 3,
    /// <summary>A DNS query for the target name, judged by the answer.</summary>
    Dns = 4,
    /// <summary>Judged by the pings it receives (heartbeat), not by probes it sends.</summary>
    Push = 5,
    /// <summary>A TLS handshake with host:port: chain validation and certificate expiry.</summary>
    Tls = 6,
}

public enum ExecuteOnKind
{
    All = 0,
    Group = 1,
    Hosts = 2,
}

/// <summary>Options only HTTP monitors use. Stored as JSON beside the monitor.</summary>
public class HttpProbeOptions
{
    public string Method { get; set; } = "GET";
    public Dictionary<string, string> Headers { get; set; } = [];
    /// <summary>Overrides the Host header (probe a virtual host on a given IP).</summary>
    public string? HostHeader { get; set; }
    public string? Cookies { get; set; }
    /// <summary>Accepted status codes as "200,204,300-399"; empty means any 2xx or 3xx.</summary>
    public string? ExpectedStatusCodes { get; set; }
    /// <summary>Plain substring the body must contain (or, with <see cref="KeywordInvert"/>, must not).</summary>
    public string? Keyword { get; set; }
    public bool KeywordInvert { get; set; }
    /// <summary>A JSONPath into the body (e.g. <c>$.status</c>); the body must be JSON and the path must find something.</summary>
    public string? JsonQuery { get; set; }
    /// <summary>What the value found by <see cref="JsonQuery"/> is compared with, as text; null: finding it is enough.</summary>
    public string? JsonExpected { get; set; }
    /// <summary>==, !=, contains, &lt; or &gt; (the last two as numbers); null means ==.</summary>
    public string? JsonOperator { get; set; }
    public bool FollowRedirects { get; set; } = true;
    /// <summary>Origin IPs to pin the request to: the same URL is probed against each.</summary>
    public List<string> PinnedIps { get; set; } = [];
    /// <summary>Accept a certificate that does not validate (self-signed, expired, wrong name); its expiry is still recorded.</summary>
    public bool IgnoreTlsErrors { get; set; }
}

/// <summary>Denormalised latest state of a monitor across all hosts.</summary>
public class MonitorCurrentState
{
    public MonitorStatus Status { get; set; } = MonitorStatus.Unknown;
    /// <summary>When <see cref="Status"/> last changed: "down since".</summary>
    public DateTime? StatusSince { get; set; }
    public DateTime? LastProbeAt { get; set; }
    public bool? LastSuccess { get; set; }
    public double? LastLatencyMs { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
}

public enum MonitorStatus
{
    Unknown = 0,
    Online = 1,
    Offline = 2,
}
