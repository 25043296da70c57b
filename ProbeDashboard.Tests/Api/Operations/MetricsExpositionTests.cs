using System.Diagnostics;
using System.Net;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

/// <summary>/metrics over a real socket, read by Prometheus' own parser (promtool, from Debian's prometheus package).</summary>
public class MetricsExpositionTests
{
    [Fact]
    public async Task A_loopback_scrape_passes_promtool_and_counts_the_http_requests_before_it()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var app = await LiveApp.StartAsync(new Dictionary<string, string>(), cts.Token);
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", cts.Token)).StatusCode);

        using var response = await client.GetAsync("/metrics", cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(cts.Token);
        var (exitCode, promtoolOutput) = await PromtoolCheckAsync(text, cts.Token);
        // Exit code 3: it parsed, with lint findings. Those allowed are in names prometheus-net translates from the
        // runtime's event counters (system_runtime_threadpool_thread_count, ..._connections_current_total) and its
        // own prometheus_net_* gauge; our families and the HTTP ones must be clean.
        string[] translated = ["system_", "microsoft_", "prometheus_net_"];
        var findings = promtoolOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode == 0 || (exitCode == 3 && findings.All(f => translated.Any(p => f.StartsWith(p, StringComparison.Ordinal)))),
            $"promtool check metrics failed ({exitCode}):\n{promtoolOutput}");

        var scrape = PrometheusScrape.Parse(text);
        Assert.Equal("counter", scrape.Types["probedashboard_probes_total"]);
        Assert.Equal("counter", scrape.Types["probedashboard_results_committed_total"]);
        Assert.Equal("histogram", scrape.Types["probedashboard_probe_start_lateness_seconds"]);
        Assert.Equal("gauge", scrape.Types["probedashboard_result_queue_depth"]);
        Assert.Equal("counter", scrape.Types["http_requests_received_total"]);
        Assert.Equal("histogram", scrape.Types["http_request_duration_seconds"]);
        Assert.Equal("counter", scrape.Types["process_cpu_seconds_total"]);
        Assert.True(scrape.Value("http_requests_received_total", HealthzLabels) >= 3);
        Assert.True(scrape.Value("http_request_duration_seconds_count", HealthzLabels) >= 3);
    }

    private const string HealthzLabels = "code=\"200\",method=\"GET\",controller=\"\",action=\"\",endpoint=\"/healthz\"";

    private static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string metrics, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("promtool did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
