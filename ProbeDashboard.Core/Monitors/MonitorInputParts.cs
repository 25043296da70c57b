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
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
