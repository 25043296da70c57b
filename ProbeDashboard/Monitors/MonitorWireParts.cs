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
    IReadOnlyList<string>? PinnedIps,
    bool? IgnoreTlsErrors = null,
    bool? KeywordInvert = null,
    string? JsonQuery = null,
    string? JsonExpected = null,
    string? JsonOperator = null)
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
        IgnoreTlsErrors = IgnoreTlsErrors,
        KeywordInvert = KeywordInvert,
        JsonQuery = JsonQuery,
        JsonExpected = JsonExpected,
        JsonOperator = JsonOperator,
    };

    public static HttpOptionsWire From(HttpProbeOptions http) => new(
        http.Method, http.Headers, http.HostHeader, http.Cookies, http.ExpectedStatusCodes, http.Keyword,
        http.FollowRedirects, http.PinnedIps, http.IgnoreTlsErrors, http.KeywordInvert, http.JsonQuery, http.JsonExpected, http.JsonOperator);
}

/// <summary>
/// <c>dns</c> of a DNS monitor (type 4): <c>record_type</c> (A, AAAA, CNAME, MX, TXT, NS, SOA, SRV, PTR; A when unset),
/// <c>resolver</c> ("ip" or "ip:port"; the system's resolvers when unset), <c>protocol</c> (udp or tcp) and
/// <c>expected</c> (a value one answer must equal, case-insensitive; any answer when unset).
/// </summary>
public sealed record DnsWire(string? RecordType, string? Resolver, string? Protocol, string? Expected)
{
    public DnsInput ToInput() => new() { RecordType = RecordType, Resolver = Resolver, Protocol = Protocol, Expected = Expected };

    public static DnsWire From(ProbeDashboard.Core.Probing.Dns.DnsProbeOptions dns) => new(dns.RecordType, dns.Resolver, dns.Protocol, dns.Expected);
}

/// <summary>
/// <c>certificate</c> of an https HTTP or a TLS monitor's detail: the leaf certificate its latest probe saw, when it
/// expires and the whole days left (negative once expired).
/// </summary>
public sealed record CertificateWire(string? Subject, string? Issuer, DateTime ExpiresAt, int DaysLeft)
{
    public static CertificateWire From(CertificateView c) => new(c.Subject, c.Issuer, c.ExpiresAt, c.DaysLeft);
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
