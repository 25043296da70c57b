using System.Text.Json.Serialization;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Push;

namespace ProbeDashboard.Monitors;

/// <summary><c>execute_on</c>: type all, group (group_id) or hosts (host_ids); the detail view adds group_name.</summary>
public sealed record ExecuteOnWire(
    string? Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? GroupId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? HostIds = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GroupName = null)
{
    public static ExecuteOnWire From(MonitorDefinition monitor, string? groupName) => new(
        ExecuteOnInput.Name(monitor.ExecuteOn),
        monitor.ExecuteOn == ExecuteOnKind.Group ? monitor.ExecuteOnGroupId : null,
        monitor.ExecuteOn == ExecuteOnKind.Hosts ? monitor.ExecuteOnHostIds : null,
        groupName);
}

/// <summary>Optional HTTP settings (not in the seed): what a real operator needs to probe a web service.</summary>
public sealed record HttpOptionsWire(
    string? Method,
    IReadOnlyDictionary<string, string>? Headers,
    string? HostHeader,
    string? Cookies,
    string? ExpectedStatusCodes,
    string? Keyword,
    bool? FollowRedirects,
    IReadOnlyList<string>? PinnedIps)
{
    public HttpOptionsInput ToInput() => new()
    {
        Method = Method,
        Headers = Headers,
        HostHeader = HostHeader,
        Cookies = Cookies,
        ExpectedStatusCodes = ExpectedStatusCodes,
        Keyword = Keyword,
        FollowRedirects = FollowRedirects,
        PinnedIps = PinnedIps,
    };

    public static HttpOptionsWire From(HttpProbeOptions http) => new(
        http.Method, http.Headers, http.HostHeader, http.Cookies, http.ExpectedStatusCodes, http.Keyword,
        http.FollowRedirects, http.PinnedIps);
}

/// <summary>
/// <c>push</c> of a push monitor (type 5): <c>period</c> seconds, or a 5-field <c>cron</c> in <c>timezone</c> (IANA,
/// UTC when unset); either way <c>grace</c> seconds (default 60) before a missing ping counts as a failure.
/// </summary>
public sealed record PushWire(int? Period, string? Cron, string? Timezone, int? Grace)
{
    public PushInput ToInput() => new() { Period = Period, Cron = Cron, Timezone = Timezone, Grace = Grace };

    public static PushWire From(PushProbeOptions push) => new(push.PeriodSeconds, push.Cron, push.TimeZone, push.GraceSeconds);
}
