using System.Net;
using System.Net.Sockets;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Compat.IpLive;

/// <summary>
/// operate_monitor's parameters, checked and with the seed's defaults: http on port 80 (443 for https), a 60 s
/// interval, a 3 s timeout, no retries, level 0. Builds the monitor input of each record.
/// </summary>
public sealed record IpLiveGroupSpec
{
    public const int DefaultInterval = 60;
    public const int DefaultTimeout = 3;
    public static readonly IReadOnlyList<string> Protocols = ["http", "https", "tcp", "icmp"];

    public required long GroupId { get; init; }
    public required IReadOnlyList<(long RecordId, string Ip)> Records { get; init; }
    public string Protocol { get; init; } = "http";
    public int? Port { get; init; }
    public string? Path { get; init; }
    public string? Domain { get; init; }
    public string? Cookies { get; init; }
    public string? HttpCode { get; init; }
    public int Interval { get; init; } = DefaultInterval;
    public int Timeout { get; init; } = DefaultTimeout;
    public int RetryCount { get; init; }
    public int Level { get; init; }
    public IReadOnlyList<string> NodeIps { get; init; } = [];

    public static IpLiveGroupSpec Read(IpLiveParams p)
    {
        var groupId = p.RequiredLong("group_id");
        var recordIds = IpLiveParams.List(p.Required("record_ids")).Select(r => IpLiveParams.ParseLong("record_ids", r)).ToList();
        var ips = IpLiveParams.List(p.Required("ips"));
        if (recordIds.Count != ips.Length)
            throw Invalid($"record_ids has {recordIds.Count} entries but ips has {ips.Length}: they are paired by position");
        if (recordIds.Count == 0) throw new IpLiveParamException(IpLiveOutcome.Missing("record_ids"));
        if (recordIds.Distinct().Count() != recordIds.Count) throw Invalid("record_ids must not repeat");
        if (ips.FirstOrDefault(ip => !IPAddress.TryParse(ip, out _)) is { } badIp) throw Invalid($"'{badIp}' in ips is not an IP address");

        var protocol = (p.Optional("protocol") ?? "http").ToLowerInvariant();
        if (protocol == "ping") protocol = "icmp";
        if (!Protocols.Contains(protocol)) throw Invalid($"protocol must be one of {string.Join(", ", Protocols)}");
        var port = p.OptionalInt("port", 1, 65535);
        if (protocol == "tcp" && port is null) throw new IpLiveParamException(IpLiveOutcome.Missing("port"));
        return new IpLiveGroupSpec
        {
            GroupId = groupId,
            Records = [.. recordIds.Zip(ips)],
            Protocol = protocol,
            Port = port,
            Path = p.Optional("path"),
            Domain = p.Optional("domain"),
            Cookies = p.Optional("cookies"),
            HttpCode = p.Optional("http_code"),
            Interval = p.OptionalInt("interval", 1, MonitorRules.MaxIntervalSeconds) ?? DefaultInterval,
            Timeout = p.OptionalInt("timeout", 1, MonitorRules.MaxTimeoutSeconds) ?? DefaultTimeout,
            RetryCount = p.OptionalInt("retry_count", 0, MonitorRules.MaxRetry) ?? 0,
            Level = p.OptionalInt("level", 0, 1000) ?? 0,
            NodeIps = IpLiveParams.List(p.Optional("node_ips") ?? ""),
        };
    }

    public MonitorKind Kind => Protocol switch
    {
        "tcp" => MonitorKind.Tcp,
        "icmp" => MonitorKind.Icmp,
        _ => MonitorKind.Http,
    };

    /// <summary>The monitor's target for one IP: a URL for http(s), ip:port for tcp, the bare IP for icmp.</summary>
    public static string Target(string protocol, string ip, int? port, string? path)
    {
        var host = IPAddress.TryParse(ip, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip;
        return protocol switch
        {
            "tcp" => $"{host}:{port}",
            "icmp" => ip,
            _ => $"{protocol}://{host}:{port ?? (protocol == "https" ? 443 : 80)}{NormalPath(path)}",
        };
    }

    private static string NormalPath(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "/" : path.StartsWith('/') ? path : "/" + path;

    public MonitorInput Input(string appName, long recordId, string ip, IReadOnlyList<int> hostIds) => new()
    {
        Name = $"iplive {appName}/{GroupId} #{recordId}",
        Type = (int)Kind,
        Target = Target(Protocol, ip, Port, Path),
        Duration = Interval,
        Timeout = Timeout,
        Retry = RetryCount,
        ExecuteOn = new ExecuteOnInput("hosts", HostIds: hostIds),
        Http = Kind == MonitorKind.Http
            ? new HttpOptionsInput { HostHeader = Domain, Cookies = Cookies, ExpectedStatusCodes = HttpCode }
            : null,
    };

    private static IpLiveParamException Invalid(string problem) => new(IpLiveOutcome.Invalid(problem));
}
