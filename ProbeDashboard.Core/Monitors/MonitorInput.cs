using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Core.Monitors;

/// <summary>
/// What a user asks for when creating or fully replacing a monitor, from the API or the UI. Unset optional fields
/// take their defaults; <see cref="MonitorValidator"/> reports problems under the seed's wire field names.
/// </summary>
public sealed record MonitorInput
{
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultFailThreshold = 3;

    public string? Name { get; init; }
    public bool Enable { get; init; } = true;
    /// <summary>1 = HTTP, 2 = TCP, 3 = ICMP, 5 = push.</summary>
    public int? Type { get; init; }
    public string? Target { get; init; }
    /// <summary>Interval in seconds.</summary>
    public int? Duration { get; init; }
    /// <summary>Seconds; when unset, 10 or just under the interval if that is shorter.</summary>
    public int? Timeout { get; init; }
    public int? Retry { get; init; }
    /// <summary>Seconds between rounds after a failed one, until a round passes or fail_threshold is reached; unset = duration.</summary>
    public int? RetryInterval { get; init; }
    /// <summary>Success and failure swap.</summary>
    public bool UpsideDown { get; init; }
    /// <summary>Ids of the monitors this one depends on; unset or empty: none.</summary>
    public IReadOnlyList<int>? DependsOn { get; init; }
    public ExecuteOnInput? ExecuteOn { get; init; }
    public IReadOnlyList<int>? SkipHosts { get; init; }
    public bool EnableAlert { get; init; }
    public int? FailThreshold { get; init; }
    /// <summary>Hosts that must fail in a round for it to fail; null (the default) means every host that reported.</summary>
    public int? FailQuorum { get; init; }
    /// <summary>Consecutive good rounds before a probe alert resolves; 1 when unset.</summary>
    public int? RecoverThreshold { get; init; }
    public int? NotificationId { get; init; }
    /// <summary>Escalates the monitor's own alerts by this policy, besides (or instead of) its notification group.</summary>
    public int? EscalationPolicyId { get; init; }
    public bool LatencyAlert { get; init; }
    /// <summary>Seconds.</summary>
    public double? MaxLatency { get; init; }
    /// <summary>HTTP monitors only.</summary>
    public HttpOptionsInput? Http { get; init; }
    /// <summary>Push monitors only: when pings are expected.</summary>
    public PushInput? Push { get; init; }
    /// <summary>DNS monitors only: record type, resolver, protocol and expected answer.</summary>
    public DnsInput? Dns { get; init; }
    /// <summary>Days before certificate expiry that raise an alert; null means [21, 14, 7], empty means off.</summary>
    public IReadOnlyList<int>? TlsExpiryDays { get; init; }

    private bool IsPush => Type == (int)MonitorKind.Push;

    /// <summary>
    /// A push monitor needs no interval: it takes its period (a cron schedule's is a day) so that rounds and
    /// host memory, which count in intervals, stay meaningful.
    /// </summary>
    public int? EffectiveDuration => IsPush
        ? Math.Clamp(Push?.Period ?? MonitorRules.MaxIntervalSeconds, 1, MonitorRules.MaxIntervalSeconds)
        : Duration;

    public int EffectiveTimeout => Timeout ?? Math.Max(1, Math.Min(DefaultTimeoutSeconds, (Duration ?? 60) - 1));

    /// <summary>The input that would reproduce a stored monitor's settings: the starting point of an edit form.</summary>
    public static MonitorInput From(MonitorDefinition monitor) => new()
    {
        Name = monitor.Name,
        Enable = monitor.Enabled,
        Type = (int)monitor.Kind,
        Target = monitor.Target,
        Duration = monitor.IntervalSeconds,
        Timeout = monitor.TimeoutSeconds,
        Retry = monitor.Retry,
        RetryInterval = monitor.RetryIntervalSeconds,
        UpsideDown = monitor.UpsideDown,
        DependsOn = monitor.DependsOn,
        ExecuteOn = new ExecuteOnInput(ExecuteOnInput.Name(monitor.ExecuteOn), monitor.ExecuteOnGroupId,
            monitor.ExecuteOn == ExecuteOnKind.Hosts ? monitor.ExecuteOnHostIds : null),
        SkipHosts = monitor.SkipHostIds,
        EnableAlert = monitor.EnableAlert,
        FailThreshold = monitor.FailThreshold,
        FailQuorum = monitor.FailQuorum,
        RecoverThreshold = monitor.RecoverThreshold,
        NotificationId = monitor.NotificationGroupId,
        EscalationPolicyId = monitor.EscalationPolicyId,
        LatencyAlert = monitor.LatencyAlert,
        MaxLatency = monitor.MaxLatencySeconds,
        Http = monitor.Kind == MonitorKind.Http ? HttpOptionsInput.From(monitor.Http) : null,
        Push = monitor.Kind == MonitorKind.Push ? PushInput.From(monitor.Push) : null,
        TlsExpiryDays = monitor.TlsExpiryDays,
        Dns = monitor.Kind == MonitorKind.Dns ? DnsInput.From(monitor.Dns) : null,
    };

    /// <summary>Copies a validated input onto the stored monitor (a full replacement of its settings).</summary>
    public void ApplyTo(MonitorDefinition monitor)
    {
        monitor.Name = Name!.Trim();
        monitor.Enabled = Enable;
        monitor.Kind = (MonitorKind)Type!.Value;
        monitor.Target = Target?.Trim() ?? "";
        monitor.IntervalSeconds = EffectiveDuration!.Value;
        monitor.TimeoutSeconds = IsPush ? MonitorRules.PushTimeoutSeconds : EffectiveTimeout;
        monitor.Retry = Retry ?? 0;
        // Stored only when it differs from the interval, so a later change of duration alone keeps "same as duration".
        monitor.RetryIntervalSeconds = IsPush || RetryInterval is null || RetryInterval == monitor.IntervalSeconds ? null : RetryInterval;
        monitor.UpsideDown = UpsideDown && !IsPush;
        monitor.DependsOn = [.. (DependsOn ?? []).Distinct().Order()];
        monitor.ExecuteOn = ExecuteOnInput.ParseKind(ExecuteOn?.Type) ?? ExecuteOnKind.All;
        monitor.ExecuteOnGroupId = monitor.ExecuteOn == ExecuteOnKind.Group ? ExecuteOn!.GroupId : null;
        monitor.ExecuteOnHostIds = monitor.ExecuteOn == ExecuteOnKind.Hosts ? [.. ExecuteOn!.HostIds!.Distinct()] : [];
        monitor.SkipHostIds = [.. (SkipHosts ?? []).Distinct()];
        monitor.EnableAlert = EnableAlert;
        monitor.FailThreshold = FailThreshold ?? DefaultFailThreshold;
        monitor.FailQuorum = FailQuorum;
        monitor.RecoverThreshold = RecoverThreshold ?? 1;
        monitor.NotificationGroupId = NotificationId;
        monitor.EscalationPolicyId = EscalationPolicyId;
        monitor.LatencyAlert = LatencyAlert;
        monitor.MaxLatencySeconds = MaxLatency;
        monitor.Http = Http?.ToOptions() ?? new HttpProbeOptions();
        monitor.Push = IsPush ? Push!.ToOptions() : new PushProbeOptions();
        monitor.Dns = Type == (int)MonitorKind.Dns ? (Dns ?? new DnsInput()).ToOptions() : new Probing.Dns.DnsProbeOptions();
        // Largest first: the last threshold is the critical one.
        monitor.TlsExpiryDays = TlsExpiryDays is null ? [.. MonitorDefinition.DefaultTlsExpiryDays] : [.. TlsExpiryDays.Distinct().OrderDescending()];
        if (IsPush && Push!.Token is { } token) monitor.PushToken = token;
    }
}
