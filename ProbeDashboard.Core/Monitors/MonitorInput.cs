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
    /// <summary>1 = HTTP, 2 = TCP, 3 = ICMP.</summary>
    public int? Type { get; init; }
    public string? Target { get; init; }
    /// <summary>Interval in seconds.</summary>
    public int? Duration { get; init; }
    /// <summary>Seconds; when unset, 10 or just under the interval if that is shorter.</summary>
    public int? Timeout { get; init; }
    public int? Retry { get; init; }
    public ExecuteOnInput? ExecuteOn { get; init; }
    public IReadOnlyList<int>? SkipHosts { get; init; }
    public bool EnableAlert { get; init; }
    public int? FailThreshold { get; init; }
    public int? NotificationId { get; init; }
    public bool LatencyAlert { get; init; }
    /// <summary>Seconds.</summary>
    public double? MaxLatency { get; init; }
    /// <summary>HTTP monitors only.</summary>
    public HttpOptionsInput? Http { get; init; }

    public int EffectiveTimeout => Timeout ?? Math.Max(1, Math.Min(DefaultTimeoutSeconds, (Duration ?? 60) - 1));

    /// <summary>Copies a validated input onto the stored monitor (a full replacement of its settings).</summary>
    public void ApplyTo(MonitorDefinition monitor)
    {
        monitor.Name = Name!.Trim();
        monitor.Enabled = Enable;
        monitor.Kind = (MonitorKind)Type!.Value;
        monitor.Target = Target!.Trim();
        monitor.IntervalSeconds = Duration!.Value;
        monitor.TimeoutSeconds = EffectiveTimeout;
        monitor.Retry = Retry ?? 0;
        monitor.ExecuteOn = ExecuteOnInput.ParseKind(ExecuteOn?.Type) ?? ExecuteOnKind.All;
        monitor.ExecuteOnGroupId = monitor.ExecuteOn == ExecuteOnKind.Group ? ExecuteOn!.GroupId : null;
        monitor.ExecuteOnHostIds = monitor.ExecuteOn == ExecuteOnKind.Hosts ? [.. ExecuteOn!.HostIds!.Distinct()] : [];
        monitor.SkipHostIds = [.. (SkipHosts ?? []).Distinct()];
        monitor.EnableAlert = EnableAlert;
        monitor.FailThreshold = FailThreshold ?? DefaultFailThreshold;
        monitor.NotificationGroupId = NotificationId;
        monitor.LatencyAlert = LatencyAlert;
        monitor.MaxLatencySeconds = MaxLatency;
        monitor.Http = Http?.ToOptions() ?? new HttpProbeOptions();
    }
}

/// <summary>Which hosts run the monitor: <c>all</c>, a <c>group</c> (group_id) or listed <c>hosts</c> (host_ids).</summary>
public sealed record ExecuteOnInput(string? Type, int? GroupId = null, IReadOnlyList<int>? HostIds = null)
{
    public static ExecuteOnKind? ParseKind(string? type) => type switch
    {
        null or "all" => ExecuteOnKind.All,
        "group" => ExecuteOnKind.Group,
        "hosts" => ExecuteOnKind.Hosts,
        _ => null,
    };

    public static string Name(ExecuteOnKind kind) => kind switch
    {
        ExecuteOnKind.Group => "group",
        ExecuteOnKind.Hosts => "hosts",
        _ => "all",
    };
}

public sealed record HttpOptionsInput
{
    public string? Method { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public string? HostHeader { get; init; }
    public string? Cookies { get; init; }
    /// <summary>"200,204,300-399"; empty means any 2xx or 3xx.</summary>
    public string? ExpectedStatusCodes { get; init; }
    public string? Keyword { get; init; }
    public bool? FollowRedirects { get; init; }
    public IReadOnlyList<string>? PinnedIps { get; init; }

    public HttpProbeOptions ToOptions() => new()
    {
        Method = string.IsNullOrWhiteSpace(Method) ? "GET" : Method.Trim().ToUpperInvariant(),
        Headers = Headers is null ? [] : new Dictionary<string, string>(Headers),
        HostHeader = Blank(HostHeader),
        Cookies = Blank(Cookies),
        ExpectedStatusCodes = Blank(ExpectedStatusCodes)?.Replace(" ", "", StringComparison.Ordinal),
        Keyword = string.IsNullOrEmpty(Keyword) ? null : Keyword,
        FollowRedirects = FollowRedirects ?? true,
        PinnedIps = [.. (PinnedIps ?? []).Select(ip => ip.Trim()).Distinct()],
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
