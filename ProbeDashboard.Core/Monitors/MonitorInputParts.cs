namespace ProbeDashboard.Core.Monitors;

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
    /// <summary>Accept a certificate that does not validate; false when unset.</summary>
    public bool? IgnoreTlsErrors { get; init; }
    public bool? KeywordInvert { get; init; }
    public string? JsonQuery { get; init; }
    public string? JsonExpected { get; init; }
    public string? JsonOperator { get; init; }

    public static HttpOptionsInput From(HttpProbeOptions http) => new()
    {
        Method = http.Method,
        Headers = new Dictionary<string, string>(http.Headers),
        HostHeader = http.HostHeader,
        Cookies = http.Cookies,
        ExpectedStatusCodes = http.ExpectedStatusCodes,
        Keyword = http.Keyword,
        FollowRedirects = http.FollowRedirects,
        PinnedIps = [.. http.PinnedIps],
        IgnoreTlsErrors = http.IgnoreTlsErrors,
        KeywordInvert = http.KeywordInvert,
        JsonQuery = http.JsonQuery,
        JsonExpected = http.JsonExpected,
        JsonOperator = http.JsonOperator,
    };

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
        IgnoreTlsErrors = IgnoreTlsErrors ?? false,
        KeywordInvert = KeywordInvert ?? false,
        JsonQuery = Blank(JsonQuery),
        // Compared as written: spaces may matter.
        JsonExpected = string.IsNullOrWhiteSpace(JsonQuery) ? null : JsonExpected,
        JsonOperator = string.IsNullOrWhiteSpace(JsonQuery) ? null : Blank(JsonOperator),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
