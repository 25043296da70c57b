using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Monitors;

/// <summary>The edit dialog's fields. It only carries values; Core's validator judges them, as for the API.</summary>
public sealed class MonitorFormModel
{
    public string Name { get; set; } = "";
    public MonitorKind Kind { get; set; } = MonitorKind.Http;
    public string Target { get; set; } = "";
    public int IntervalSeconds { get; set; } = 60;
    public int TimeoutSeconds { get; set; } = 10;
    public int Retry { get; set; }
    /// <summary>Seconds between rounds after a failed one; empty means the same as the interval.</summary>
    public int? RetryIntervalSeconds { get; set; }
    /// <summary>Success and failure swap (a port that must stay closed).</summary>
    public bool UpsideDown { get; set; }
    /// <summary>Monitors this one depends on: while one is offline, its alerts are suppressed.</summary>
    public IReadOnlyCollection<int> DependsOn { get; set; } = [];
    /// <summary>The monitor being edited; null for a new one.</summary>
    public int? MonitorId => _original?.Id;
    public bool Enabled { get; set; } = true;
    public ExecuteOnKind ExecuteOn { get; set; } = ExecuteOnKind.All;
    public int? ExecuteOnGroupId { get; set; }
    public IReadOnlyCollection<int> ExecuteOnHostIds { get; set; } = [];
    /// <summary>Hosts that never run this monitor, whatever <see cref="ExecuteOn"/> selects.</summary>
    public IReadOnlyCollection<int> SkipHostIds { get; set; } = [];
    /// <summary>On for a new monitor: one that fails should tell someone unless the operator says otherwise.</summary>
    public bool EnableAlert { get; set; } = true;
    /// <summary>The group its alerts go to; null means the groups marked default for new monitors.</summary>
    public int? NotificationGroupId { get; set; }
    /// <summary>The escalation policy its alerts follow (besides the group); null for none.</summary>
    public int? EscalationPolicyId { get; set; }
    public int FailThreshold { get; set; } = MonitorInput.DefaultFailThreshold;
    /// <summary>Empty means every host that reported in the round.</summary>
    public int? FailQuorum { get; set; }
    public bool LatencyAlert { get; set; }
    public double? MaxLatencySeconds { get; set; }
    public string HttpMethod { get; set; } = "GET";
    public string? ExpectedStatusCodes { get; set; }
    public string? Keyword { get; set; }
    public bool FollowRedirects { get; set; } = true;
    /// <summary>Push monitors: seconds between pings; ignored when <see cref="PushCron"/> is set.</summary>
    public int? PushPeriodSeconds { get; set; } = 300;
    /// <summary>Push monitors: a 5-field cron schedule instead of a period.</summary>
    public string? PushCron { get; set; }
    /// <summary>Push monitors: the IANA time zone of <see cref="PushCron"/>; UTC when empty.</summary>
    public string? PushTimeZone { get; set; }
    public int PushGraceSeconds { get; set; } = PushInput.DefaultGraceSeconds;
    /// <summary>https HTTP and TLS monitors: certificate alert thresholds as typed ("21, 14, 7"); empty switches them off.</summary>
    public string TlsExpiryDays { get; set; } = Kinds.ExpiryDaysText.Format(MonitorDefinition.DefaultTlsExpiryDays);
    public bool IgnoreTlsErrors { get; set; }
    public bool KeywordInvert { get; set; }
    /// <summary>HTTP monitors: a JSONPath into the body and what its value is compared with.</summary>
    public string? JsonQuery { get; set; }
    public string? JsonExpected { get; set; }
    public string JsonOperator { get; set; } = "==";
    /// <summary>DNS monitors: the query (record type, resolver, protocol, expected answer).</summary>
    public Kinds.DnsFieldsModel Dns { get; set; } = new();

    /// <summary>Whether the monitor as typed so far would see a certificate (the certificate fields show then).</summary>
    public bool ChecksCertificate => new MonitorDefinition { Kind = Kind, Target = Target.Trim() }.ChecksCertificate;

    /// <summary>Keeps what the form does not show (headers, pinned IPs, recover threshold) when editing.</summary>
    private MonitorDefinition? _original;

    public static MonitorFormModel From(MonitorDefinition monitor) => new()
    {
        _original = monitor,
        Name = monitor.Name,
        Kind = monitor.Kind,
        Target = monitor.Target,
        IntervalSeconds = monitor.IntervalSeconds,
        TimeoutSeconds = monitor.TimeoutSeconds,
        Retry = monitor.Retry,
        RetryIntervalSeconds = monitor.RetryIntervalSeconds,
        UpsideDown = monitor.UpsideDown,
        DependsOn = monitor.DependsOn,
        Enabled = monitor.Enabled,
        ExecuteOn = monitor.ExecuteOn,
        ExecuteOnGroupId = monitor.ExecuteOnGroupId,
        ExecuteOnHostIds = monitor.ExecuteOnHostIds,
        SkipHostIds = monitor.SkipHostIds,
        EnableAlert = monitor.EnableAlert,
        NotificationGroupId = monitor.NotificationGroupId,
        EscalationPolicyId = monitor.EscalationPolicyId,
        FailThreshold = monitor.FailThreshold,
        FailQuorum = monitor.FailQuorum,
        LatencyAlert = monitor.LatencyAlert,
        MaxLatencySeconds = monitor.MaxLatencySeconds,
        HttpMethod = monitor.Http.Method,
        ExpectedStatusCodes = monitor.Http.ExpectedStatusCodes,
        Keyword = monitor.Http.Keyword,
        FollowRedirects = monitor.Http.FollowRedirects,
        PushPeriodSeconds = monitor.Kind == MonitorKind.Push ? monitor.Push.PeriodSeconds : 300,
        PushCron = monitor.Push.Cron,
        PushTimeZone = monitor.Push.TimeZone,
        PushGraceSeconds = monitor.Kind == MonitorKind.Push ? monitor.Push.GraceSeconds : PushInput.DefaultGraceSeconds,
        TlsExpiryDays = Kinds.ExpiryDaysText.Format(monitor.TlsExpiryDays),
        IgnoreTlsErrors = monitor.Http.IgnoreTlsErrors,
        KeywordInvert = monitor.Http.KeywordInvert,
        JsonQuery = monitor.Http.JsonQuery,
        JsonExpected = monitor.Http.JsonExpected,
        JsonOperator = monitor.Http.JsonOperator ?? "==",
        Dns = Kinds.DnsFieldsModel.From(monitor.Dns),
    };

    public MonitorInput ToInput() => new()
    {
        Name = Name,
        Enable = Enabled,
        Type = (int)Kind,
        Target = Target,
        Duration = IntervalSeconds,
        Timeout = TimeoutSeconds,
        Retry = Retry,
        RetryInterval = Kind == MonitorKind.Push ? null : RetryIntervalSeconds,
        UpsideDown = Kind != MonitorKind.Push && UpsideDown,
        DependsOn = [.. DependsOn],
        ExecuteOn = new ExecuteOnInput(ExecuteOnInput.Name(ExecuteOn), ExecuteOnGroupId, [.. ExecuteOnHostIds]),
        SkipHosts = [.. SkipHostIds],
        EnableAlert = EnableAlert,
        FailThreshold = FailThreshold,
        FailQuorum = FailQuorum,
        RecoverThreshold = _original?.RecoverThreshold,
        NotificationId = NotificationGroupId,
        EscalationPolicyId = EscalationPolicyId,
        LatencyAlert = LatencyAlert,
        MaxLatency = MaxLatencySeconds,
        Http = Kind != MonitorKind.Http ? null : new HttpOptionsInput
        {
            Method = HttpMethod,
            Headers = _original?.Http.Headers,
            HostHeader = _original?.Http.HostHeader,
            Cookies = _original?.Http.Cookies,
            ExpectedStatusCodes = ExpectedStatusCodes,
            Keyword = Keyword,
            FollowRedirects = FollowRedirects,
            PinnedIps = _original?.Http.PinnedIps,
            IgnoreTlsErrors = IgnoreTlsErrors,
            KeywordInvert = KeywordInvert,
            JsonQuery = JsonQuery,
            // The operator and expected value mean nothing without a query (the select keeps its default "==").
            JsonExpected = string.IsNullOrWhiteSpace(JsonQuery) || string.IsNullOrEmpty(JsonExpected) ? null : JsonExpected,
            JsonOperator = string.IsNullOrWhiteSpace(JsonQuery) ? null : JsonOperator,
        },
        TlsExpiryDays = Kinds.ExpiryDaysText.Parse(TlsExpiryDays),
        Dns = Kind == MonitorKind.Dns ? Dns.ToInput() : null,
        Push = Kind != MonitorKind.Push ? null : new PushInput
        {
            Period = string.IsNullOrWhiteSpace(PushCron) ? PushPeriodSeconds : null,
            Cron = PushCron,
            Timezone = PushTimeZone,
            Grace = PushGraceSeconds,
        },
    };
}
