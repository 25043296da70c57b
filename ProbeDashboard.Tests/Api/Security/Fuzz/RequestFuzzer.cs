using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ProbeDashboard.Tests.Api.Security.Fuzz;

/// <summary>
/// Generates malformed and random requests from a fixed seed against every route the app has mapped (read from
/// its EndpointDataSource, so endpoints added later are covered without touching this file) plus stray paths.
/// </summary>
public sealed class RequestFuzzer(IReadOnlyList<RouteEndpoint> endpoints, IReadOnlyList<string> credentials, int seed)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>Values a route parameter or query value gets: numbers at the edges, wrong types, path and encoding tricks.</summary>
    private static readonly string[] Values =
    [
        "1", "2", "0", "-1", "2147483647", "2147483648", "-9223372036854775808", "99999999999999999999999", "1e308", "NaN",
        "abc", "", "%ff%fe", "..%2f..%2fetc%2fpasswd", "%2e%2e", "%E4%B8%AD%E6%96%87", "%3Cscript%3E", "true", "null",
        "1%20OR%201=1", "'", "%22", "%5B%5D", new string('9', 400), "2026-13-45T99:99:99Z", "1700000000000",
    ];

    /// <summary>Only in queries: TestServer (unlike Kestrel, which answers 400) cannot carry a NUL in a path.</summary>
    private static readonly string[] QueryOnlyValues = ["%00", "a%00b", "%C0%AF", "+", "%"];

    private static readonly string[] QueryKeys =
    [
        "page", "page_size", "pageSize", "id", "ids", "start_time", "end_time", "from", "to", "status", "level", "keyword",
        "agentName", "agentId", "language", "monitor_id", "host_id", "sort", "order", "culture", "returnUrl", "access_token",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "",
    ];

    private static readonly string[] StrayPaths =
    [
        "/api/v1/../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/", "/api//v1//service-monitors", "/api/v1/service-monitors/1/../../users",
        "/api/v1/service-monitors/%FF", "/knapsack/probe/flows", "/openapi/v1/tasks", "/operate_monitor", "/deal",
        "/api/v1/ws/service-probe", "/hubs/monitoring", "/_blazor", "/" + new string('a', 3000), "/assets/../appsettings.json",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var number = 1; number <= count; number++)
        {
            var stray = _random.Next(20) == 0;
            var endpoint = endpoints[_random.Next(endpoints.Count)];
            var method = stray || _random.Next(6) == 0 ? Pick(Methods) : MethodOf(endpoint);
            var path = stray ? Pick(StrayPaths) : Fill(endpoint.RoutePattern);
            var (contentType, body) = method is "GET" or "HEAD" or "DELETE" && _random.Next(4) != 0 ? (null, null) : Body();
            yield return new FuzzRequest(number, method, path + Query(), Pick(credentials), contentType, body);
        }
    }

    private string MethodOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? Pick(methods.ToArray()) : "GET";

    /// <summary>The route with each parameter replaced (constraints are ignored on purpose: wrong types are part of the point).</summary>
    private string Fill(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => _random.Next(3) == 0 ? _random.Next(1, 6).ToString() : Pick(Values),
                    _ => "",
                });
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private string Query()
    {
        var pairs = Enumerable.Range(0, _random.Next(4)).Select(_ => $"{Pick(QueryKeys)}={(_random.Next(5) == 0 ? Pick(QueryOnlyValues) : Pick(Values))}");
        var query = string.Join('&', pairs);
        return query.Length == 0 ? "" : "?" + query;
    }

    private (string? ContentType, byte[]? Body) Body()
    {
        var contentType = Pick(ContentTypes);
        byte[] body = _random.Next(10) switch
        {
            0 => [],
            1 => RandomBytes(),
            2 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            3 => Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 300_000) + "\"}"),
            4 => [0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D],
            5 => Encoding.UTF8.GetBytes("a=1&b=%ZZ&" + Pick(QueryKeys) + "=" + Pick(Values)),
            _ => Encoding.UTF8.GetBytes(JsonFuzz.Document(_random)),
        };
        return (contentType.Length == 0 ? null : contentType, body);
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 512)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
