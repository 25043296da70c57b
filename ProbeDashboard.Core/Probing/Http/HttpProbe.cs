using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using System.Text;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing.Http;

/// <summary>
/// One HTTP request judged by status code and, optionally, the first MiB of the body: a keyword it must (or must
/// not) contain, and a JSONPath whose value is compared with an expected one.
/// With pinned IPs the same URL is sent to every origin IP in parallel and the round gives ONE combined
/// result: it succeeds only if every origin passed; otherwise the error names the first failing IP
/// ("10.0.0.2: connection refused"). Latency is the slowest origin's. One result per round keeps history,
/// rollups and status the same shape for every monitor.
/// </summary>
public sealed class HttpProbe(HttpHandlerPool handlers) : IProbe
{
    /// <summary>Largest part of a (decompressed) body searched for the keyword; a bigger body is never read further.</summary>
    public const int MaxBodyBytes = ResponseLimits.MaxBodyBytes;

    public MonitorKind Kind => MonitorKind.Http;

    public async Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(monitor.Target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return ProbeOutcome.Down($"target '{monitor.Target}' is not an http(s) URL");
        if (monitor.Http.PinnedIps.Count == 0)
            return await ProbeOriginAsync(monitor, uri, null, cancellationToken);

        var origins = monitor.Http.PinnedIps.Select(ip => IPAddress.TryParse(ip, out var address) ? address : null).ToList();
        if (origins.Contains(null))
            return ProbeOutcome.Down("pinned IPs must be IP addresses");
        var outcomes = await Task.WhenAll(origins.Select(ip => ProbePinnedAsync(monitor, uri, ip!, cancellationToken)));
        return Combine(origins!, outcomes);
    }

    private async Task<ProbeOutcome> ProbePinnedAsync(MonitorDefinition monitor, Uri uri, IPAddress ip, CancellationToken cancellationToken)
    {
        try
        {
            return await ProbeOriginAsync(monitor, uri, ip, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Caught here, not by the runner, so the combined error can say which origin failed.
            return ProbeOutcome.Down(ProbeErrors.Describe(e));
        }
    }

    internal static ProbeOutcome Combine(IReadOnlyList<IPAddress> origins, IReadOnlyList<ProbeOutcome> outcomes)
    {
        var latency = outcomes.Max(o => o.LatencyMs);
        var certificate = outcomes.Where(o => o.Certificate is not null).MinBy(o => o.Certificate!.NotAfter)?.Certificate;
        var failed = outcomes.Select((o, i) => (Outcome: o, Ip: origins[i])).FirstOrDefault(x => !x.Outcome.Success);
        return failed.Outcome is null
            ? ProbeOutcome.Up(latency, outcomes[0].StatusCode, certificate)
            : ProbeOutcome.Down($"{failed.Ip}: {failed.Outcome.Error}", latency, failed.Outcome.StatusCode, certificate);
    }

    private async Task<ProbeOutcome> ProbeOriginAsync(MonitorDefinition monitor, Uri uri, IPAddress? pinnedIp, CancellationToken cancellationToken)
    {
        var options = monitor.Http;
        using var request = BuildRequest(options, uri);
        var started = Stopwatch.GetTimestamp();
        var tlsHost = request.Headers.Host ?? uri.IdnHost;
        HttpResponseMessage response;
        try
        {
            // The handler returns once the headers are in; the body is only read when there is a keyword or JSON query.
            response = await handlers.For(pinnedIp, options.FollowRedirects, options.IgnoreTlsErrors).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            // A rejected certificate (expired, self-signed, wrong name) is exactly when its expiry matters.
            return ProbeOutcome.Down(ProbeErrors.Describe(e), certificate: handlers.Certificate(pinnedIp, tlsHost));
        }
        using var _ = response;
        var status = (int)response.StatusCode;
        var certificate = uri.Scheme == Uri.UriSchemeHttps ? handlers.Certificate(pinnedIp, tlsHost) : null;

        var expected = ExpectedStatusCodes.Parse(options.ExpectedStatusCodes);
        if (!expected.Contains(status))
            return ProbeOutcome.Down(ProbeErrors.UnexpectedStatus(expected, status), Elapsed(started), status, certificate);
        if (string.IsNullOrEmpty(options.Keyword) && string.IsNullOrEmpty(options.JsonQuery))
            return ProbeOutcome.Up(Elapsed(started), status, certificate);
        var problem = JudgeBody(options, await ReadBodyAsync(response.Content, cancellationToken));
        return problem is null
            ? ProbeOutcome.Up(Elapsed(started), status, certificate)
            : ProbeOutcome.Down(problem, Elapsed(started), status, certificate);
    }

    /// <returns>Null when the body passes the keyword and JSON assertions; otherwise why not.</returns>
    internal static string? JudgeBody(HttpProbeOptions options, string body)
    {
        if (!string.IsNullOrEmpty(options.Keyword))
        {
            var found = body.Contains(options.Keyword, StringComparison.Ordinal);
            if (found && options.KeywordInvert) return ProbeErrors.KeywordFound(options.Keyword);
            if (!found && !options.KeywordInvert) return ProbeErrors.KeywordMissing(options.Keyword);
        }
        return string.IsNullOrEmpty(options.JsonQuery) ? null
            : JsonAssertion.Judge(body, options.JsonQuery, options.JsonExpected, options.JsonOperator);
    }

    private static HttpRequestMessage BuildRequest(HttpProbeOptions options, Uri uri)
    {
        var request = new HttpRequestMessage(new HttpMethod(options.Method), uri);
        foreach (var (name, value) in options.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        if (!string.IsNullOrWhiteSpace(options.HostHeader))
            request.Headers.Host = options.HostHeader;
        if (!string.IsNullOrWhiteSpace(options.Cookies))
            request.Headers.TryAddWithoutValidation("Cookie", options.Cookies);
        return request;
    }

    internal static async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
        try
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            var length = 0;
            int read;
            while (length < MaxBodyBytes && (read = await body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes - length), cancellationToken)) > 0)
                length += read;
            return EncodingOf(content).GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"');
        try { return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset); }
        catch (ArgumentException) { return Encoding.UTF8; }
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
