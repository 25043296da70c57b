using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Core.Monitors;

/// <summary>Checks the optional HTTP settings; problems are keyed "http.&lt;field&gt;".</summary>
internal static class HttpOptionsRules
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase)
        { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };
    private const int MaxHeaders = 50;
    private const int MaxPinnedIps = 20;
    private const int MaxKeywordLength = 1000;

    public static void Validate(HttpOptionsInput http, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(http.Method) && !Methods.Contains(http.Method.Trim()))
            errors.Add("http.method", $"must be one of {string.Join(", ", Methods)}");

        var headers = http.Headers ?? new Dictionary<string, string>();
        if (headers.Count > MaxHeaders) errors.Add("http.headers", $"at most {MaxHeaders} headers");
        foreach (var (name, value) in headers)
        {
            if (!IsToken(name)) errors.Add("http.headers", $"'{name}' is not a valid header name");
            else if (value is null) errors.Add("http.headers", $"'{name}' needs a value");
            else if (HasLineBreak(value)) errors.Add("http.headers", $"the value of '{name}' must not contain line breaks");
        }

        if (!string.IsNullOrWhiteSpace(http.HostHeader) && !IsHostHeader(http.HostHeader.Trim()))
            errors.Add("http.host_header", "must be a host name, optionally with :port");
        if (HasLineBreak(http.Cookies)) errors.Add("http.cookies", "must not contain line breaks");
        if (!ExpectedStatusCodes.TryParse(http.ExpectedStatusCodes, out _, out var statusProblem))
            errors.Add("http.expected_status_codes", statusProblem!);
        if (http.Keyword?.Length > MaxKeywordLength)
            errors.Add("http.keyword", $"must be at most {MaxKeywordLength} characters");

        if (!string.IsNullOrWhiteSpace(http.JsonQuery) && Probing.Http.JsonAssertion.QueryProblem(http.JsonQuery.Trim()) is { } queryProblem)
            errors.Add("http.json_query", queryProblem);
        if (http.JsonOperator is { } op && !Probing.Http.JsonAssertion.Operators.Contains(op.Trim()))
            errors.Add("http.json_operator", $"must be one of {string.Join(", ", Probing.Http.JsonAssertion.Operators)}");
        else if (http.JsonOperator?.Trim() is "<" or ">" && !double.TryParse(http.JsonExpected, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            errors.Add("http.json_expected", "must be a number for < and >");
        if ((http.JsonExpected is not null || http.JsonOperator is not null) && string.IsNullOrWhiteSpace(http.JsonQuery))
            errors.Add("http.json_query", "is required with json_expected or json_operator");
        if (http.JsonExpected?.Length > MaxKeywordLength)
            errors.Add("http.json_expected", $"must be at most {MaxKeywordLength} characters");
        if (http.KeywordInvert == true && string.IsNullOrEmpty(http.Keyword))
            errors.Add("http.keyword_invert", "needs a keyword");

        var pinned = http.PinnedIps ?? [];
        if (pinned.Count > MaxPinnedIps) errors.Add("http.pinned_ips", $"at most {MaxPinnedIps} addresses");
        foreach (var ip in pinned.Where(ip => !MonitorTargetRules.IsIpAddress(ip?.Trim() ?? "")))
            errors.Add("http.pinned_ips", $"'{ip}' is not an IP address");
    }

    private static bool IsHostHeader(string value) =>
        MonitorTargetRules.IsHost(value) || MonitorTargetRules.TryParseHostPort(value, out _, out _);

    private static bool HasLineBreak(string? value) => value is not null && (value.Contains('\r') || value.Contains('\n'));

    /// <summary>RFC 9110 token: the characters a header name may use.</summary>
    private static bool IsToken(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
