using System.Diagnostics;
using System.Net;
using DnsClient;
using ProbeDashboard.Core.Egress;
using ProbeDashboard.Core.Monitors;

namespace ProbeDashboard.Core.Probing.Dns;

/// <summary>
/// One DNS query for the monitor's name and record type, to its resolver (or the system's) over UDP or TCP. Passes
/// when the answer has a record equal to <c>expected</c> (any record when it is empty); NXDOMAIN, SERVFAIL and the
/// like, no answer, and a wrong answer fail with the rcode or the answers seen. Latency is the query time. Results
/// carry the answers as their message, so history shows what the resolver said. An explicit resolver must pass the
/// probes' egress policy like any other address.
/// </summary>
public sealed class DnsProbe(EgressPolicies policies) : IProbe
{
    /// <summary>Answers listed in a message; more are counted, not listed.</summary>
    private const int ListedAnswers = 10;

    public MonitorKind Kind => MonitorKind.Dns;

    public async Task<ProbeOutcome> ProbeAsync(MonitorDefinition monitor, CancellationToken cancellationToken)
    {
        var dns = monitor.Dns;
        if (!Enum.TryParse<QueryType>(dns.RecordType, ignoreCase: true, out var type))
            return ProbeOutcome.Down($"record type '{dns.RecordType}' is not supported");
        var client = new LookupClient(Options(dns, monitor.TimeoutSeconds));

        var started = Stopwatch.GetTimestamp();
        var response = await client.QueryAsync(monitor.Target.Trim(), type, QueryClass.IN, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        if (response.Header.ResponseCode != DnsHeaderResponseCode.NoError)
            return ProbeOutcome.Down(RcodeText(response.Header.ResponseCode), latency);
        var answers = response.Answers.Where(r => r.RecordType == (DnsClient.Protocol.ResourceRecordType)type).ToList();
        if (answers.Count == 0)
            return ProbeOutcome.Down($"no {type} record", latency);
        var seen = Seen(answers);
        if (!string.IsNullOrWhiteSpace(dns.Expected) && !DnsAnswers.Contains(answers, dns.Expected))
            return ProbeOutcome.Down($"expected {dns.Expected.Trim()}, got {seen}", latency);
        return new ProbeOutcome(true, latency, Error: seen);
    }

    private LookupClientOptions Options(DnsProbeOptions dns, int timeoutSeconds)
    {
        var options = dns.Resolver is { } resolver && DnsResolverText.TryParse(resolver, out var endpoint)
            ? new LookupClientOptions(new NameServer(Permitted(endpoint)))
            : new LookupClientOptions();
        options.UseCache = false;
        options.Retries = 0;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.UseTcpOnly = string.Equals(dns.Protocol, "tcp", StringComparison.OrdinalIgnoreCase);
        // A truncated UDP answer is retried over TCP, as resolvers do; the monitor's timeout bounds the whole query.
        options.UseTcpFallback = true;
        options.Timeout = TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds));
        return options;
    }

    private IPEndPoint Permitted(IPEndPoint endpoint)
    {
        policies.For(EgressScope.Probes).Demand(endpoint.Address);
        return endpoint;
    }

    private static string Seen(List<DnsClient.Protocol.DnsResourceRecord> answers)
    {
        var listed = answers.Take(ListedAnswers).Select(a => DnsAnswers.Texts(a)[0]);
        var more = answers.Count > ListedAnswers ? $" (+{answers.Count - ListedAnswers} more)" : "";
        return string.Join(", ", listed) + more;
    }

    private static string RcodeText(DnsHeaderResponseCode code) => code switch
    {
        DnsHeaderResponseCode.NotExistentDomain => "NXDOMAIN: the name does not exist",
        DnsHeaderResponseCode.ServerFailure => "SERVFAIL: the resolver could not answer",
        DnsHeaderResponseCode.Refused => "REFUSED: the resolver refused the query",
        _ => $"DNS error {code}",
    };
}
