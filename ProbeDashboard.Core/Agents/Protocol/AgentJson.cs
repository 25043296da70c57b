using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProbeDashboard.Core.Agents.Protocol;

/// <summary>The JSON of the agent paths: camelCase as seed 003 writes it, shared by the server and the agent mode.</summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Seed 003's envelope. Success is <c>status: 201</c> on every path, as the seed's examples show;
/// errors carry the HTTP status (400, 401, 404, 409) and a message.</summary>
public sealed record AgentEnvelope<T>(int Status, string Msg, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T? Data);

public static class AgentEnvelope
{
    public const int SuccessStatus = 201;

    public static AgentEnvelope<T> Ok<T>(T data) => new(SuccessStatus, "success", data);

    public static AgentEnvelope<object> Error(int status, string message) => new(status, message, null);
}

/// <summary>Registration body (seed 003) plus this product's optional VM fields.</summary>
public sealed record RegisterRequest
{
    public string? Name { get; init; }
    public string? Language { get; init; }
    public string? Version { get; init; }
    public string? ProjectName { get; init; }
    public string? Hostname { get; init; }
    public string? Network { get; init; }
    public string? ContainerName { get; init; }
    public string? ContainerVersion { get; init; }
    public string? ServerAddr { get; init; }
    public string? ServerPort { get; init; }
    public string? ServerPath { get; init; }
    public string? ServerEnv { get; init; }
    public string? Pid { get; init; }
    public string? VmInstanceId { get; init; }
    public string? Mac { get; init; }
    public string? NetworkPortId { get; init; }
    public string? HypervisorNode { get; init; }
    public bool? IsVm { get; init; }
    public bool? IndependentNetwork { get; init; }
    /// <summary>Seconds between this agent's heartbeats, so the server knows when it has missed three.</summary>
    public int? HeartbeatInterval { get; init; }
}

public sealed record RegisterResponse(int Id);

public sealed record StartStopResponse(string Command);

/// <summary>The monitors one agent runs; <see cref="Version"/> changes whenever the list or a monitor changes.</summary>
public sealed record AgentTaskList(string Version, IReadOnlyList<AgentTask>? Monitors);

/// <summary>What an agent needs to probe a monitor. Interval, timeout in seconds. <c>upside_down</c>: the agent swaps success and failure.
/// <c>retryInterval</c> (null: the interval) and <c>failThreshold</c>: the flap-control rhythm the agent follows after a failed round.</summary>
public sealed record AgentTask(
    int Id, string Name, int Type, string Target, int Interval, int Timeout, int Retry, AgentHttpOptions? Http, AgentDnsOptions? Dns = null,
    bool UpsideDown = false, int? RetryInterval = null, int FailThreshold = 1);

/// <summary>A DNS monitor's query, as the server stores it.</summary>
public sealed record AgentDnsOptions(string RecordType, string? Resolver, string Protocol, string? Expected);

public sealed record AgentHttpOptions(
    string Method, IReadOnlyDictionary<string, string> Headers, string? HostHeader, string? Cookies,
    string? ExpectedStatusCodes, string? Keyword, bool FollowRedirects, IReadOnlyList<string> PinnedIps, bool IgnoreTlsErrors = false,
    bool KeywordInvert = false, string? JsonQuery = null, string? JsonExpected = null, string? JsonOperator = null);

/// <summary>A batch of results from one agent. Acknowledged only after the server has committed all of them.</summary>
public sealed record ResultUpload(int? AgentId, IReadOnlyList<UploadedResult>? Results);

/// <summary>One probe round the agent ran. Latency in milliseconds.</summary>
public sealed record UploadedResult(
    int MonitorId, DateTime Timestamp, bool Success, double LatencyMs, int StatusCode, string? ErrorMessage, DateTime? CertificateExpiresAt,
    string? CertificateSubject = null, string? CertificateIssuer = null);

public sealed record ResultUploadResponse(int Accepted);
