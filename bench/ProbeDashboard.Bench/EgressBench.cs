using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Egress;

namespace ProbeDashboard.Bench;

/// <summary>
/// <c>ProbeDashboard.Bench egress [--requests N]</c>: what the egress policy costs. (1) One policy decision, with the
/// default rules and with 100 deny ranges. (2) HTTP requests to a target on 127.0.0.1 that each open a new connection
/// (Connection: close), through a plain SocketsHttpHandler and through the policed ConnectCallback, in alternating
/// blocks so machine noise hits both alike. (3) The same over a kept-alive connection, where no callback runs.
/// </summary>
public static class EgressBench
{
    private const int Block = 250;

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = args.Length >= 3 && args[1] == "--requests" ? int.Parse(args[2]) : 4000;
        using var target = await TargetProcess.StartAsync(ports: 1, delayMs: 0);
        var url = new Uri($"http://127.0.0.1:{target.Ports[0]}/ok");

        var settings = Enumerable.Range(0, 100).ToDictionary(i => $"Egress:Probes:Deny:{i}", i => (string?)$"10.{i}.0.0/16");
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddEgressPolicy()
            .BuildServiceProvider();
        var connector = services.GetRequiredService<EgressConnector>();

        Console.WriteLine($"policy decision, default rules:   {DecisionNanoseconds(EgressPolicy.Default),7:F1} ns");
        Console.WriteLine($"policy decision, 100 deny ranges: {DecisionNanoseconds(services.GetRequiredService<EgressPolicies>().Probes),7:F1} ns");

        using var plain = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });
        using var policed = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, ConnectCallback = connector.HttpCallback(EgressScope.Probes) });
        await MeasureAsync("new connection per request", plain, policed, url, requests, close: true);
        await MeasureAsync("kept-alive connection", plain, policed, url, requests, close: false);
        return 0;
    }

    private static double DecisionNanoseconds(EgressPolicy policy)
    {
        var addresses = new[] { "127.0.0.1", "192.168.1.20", "203.0.113.9", "169.254.169.254", "::1", "2001:db8::1" }.Select(IPAddress.Parse).ToArray();
        const int calls = 1_000_000;
        var permitted = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
            if (policy.Permits(addresses[i % addresses.Length])) permitted++;
        GC.KeepAlive(permitted);
        return Stopwatch.GetElapsedTime(started).TotalNanoseconds / calls;
    }

    private static async Task MeasureAsync(string what, HttpMessageInvoker plain, HttpMessageInvoker policed, Uri url, int requests, bool close)
    {
        await TimeAsync(plain, url, Block, close);
        await TimeAsync(policed, url, Block, close);
        var plainTimes = new List<double>();
        var policedTimes = new List<double>();
        for (var done = 0; done < requests; done += Block)
        {
            plainTimes.AddRange(await TimeAsync(plain, url, Block, close));
            policedTimes.AddRange(await TimeAsync(policed, url, Block, close));
        }
        Console.WriteLine($"{what}: plain {Describe(plainTimes)} | policed {Describe(policedTimes)}");
    }

    private static async Task<List<double>> TimeAsync(HttpMessageInvoker invoker, Uri url, int count, bool close)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.ConnectionClose = close;
            var started = Stopwatch.GetTimestamp();
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return times;
    }

    private static string Describe(List<double> microseconds)
    {
        microseconds.Sort();
        double At(double q) => microseconds[(int)Math.Min(microseconds.Count - 1, q * microseconds.Count)];
        return $"mean {microseconds.Average(),6:F0} µs, p50 {At(0.5),6:F0} µs, p99 {At(0.99),6:F0} µs";
    }
}
