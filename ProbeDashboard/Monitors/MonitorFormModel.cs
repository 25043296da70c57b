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
        },
        Push = Kind != MonitorKind.Push ? null : new PushInput
        {
            Period = string.IsNullOrWhiteSpace(PushCron) ? PushPeriodSeconds : null,
            Cron = PushCron,
            Timezone = PushTimeZone,
            Grace = PushGraceSeconds,
        },
    };
}
