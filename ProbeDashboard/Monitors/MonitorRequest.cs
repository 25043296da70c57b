using System.Text.Json.Serialization;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Monitors;

/// <summary>Body of §1.1 create and §1.4 full update, plus optional HTTP settings under <c>http</c>, certificate alert thresholds under <c>tls_expiry_days</c> and a push monitor's schedule under <c>push</c>.</summary>
public sealed record MonitorRequest(
    string? Name,
    bool? Enable,
    [property: JsonConverter(typeof(MonitorTypeJsonConverter))] int? Type,
    string? Target,
    int? Duration,
    int? Timeout,
    int? Retry,
    ExecuteOnWire? ExecuteOn,
    IReadOnlyList<int>? SkipHosts,
    bool? EnableAlert,
    int? FailThreshold,
    int? NotificationId,
    bool? LatencyAlert,
    double? MaxLatency,
    HttpOptionsWire? Http,
    int? RecoverThreshold = null,
    int? FailQuorum = null,
    PushWire? Push = null,
    int? EscalationPolicyId = null,
    IReadOnlyList<int>? TlsExpiryDays = null,
    DnsWire? Dns = null,
    int? RetryInterval = null,
    bool? UpsideDown = null,
    IReadOnlyList<int>? DependsOn = null)
{
    public MonitorInput ToInput() => new()
    {
        Name = Name,
        Enable = Enable ?? true,
        Type = Type,
        Target = Target,
        Duration = Duration,
        Timeout = Timeout,
        Retry = Retry,
        RetryInterval = RetryInterval,
        UpsideDown = UpsideDown ?? false,
        DependsOn = DependsOn,
        ExecuteOn = ExecuteOn is null ? null : new ExecuteOnInput(ExecuteOn.Type, ExecuteOn.GroupId, ExecuteOn.HostIds),
        SkipHosts = SkipHosts,
        EnableAlert = EnableAlert ?? false,
        FailThreshold = FailThreshold,
        RecoverThreshold = RecoverThreshold,
        FailQuorum = FailQuorum,
        NotificationId = NotificationId,
        EscalationPolicyId = EscalationPolicyId,
        LatencyAlert = LatencyAlert ?? false,
        MaxLatency = MaxLatency,
        Http = Http?.ToInput(),
        Push = Push?.ToInput(),
        TlsExpiryDays = TlsExpiryDays,
        Dns = Dns?.ToInput(),
    };
}

/// <summary>§1.6 body.</summary>
public sealed record ToggleRequest(bool? Enable);
