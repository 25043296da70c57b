using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ProbeDashboard.Bench.SideBySide;

/// <summary>
/// The comparison: Debian's prometheus scraping blackbox_exporter's <c>/probe</c> once per target every interval, as
/// people run it to watch HTTP endpoints. Both listen on 127.0.0.1 only and keep their config and TSDB in a temp
/// directory. Three targets in four use module <c>http_2xx</c>; every fourth also needs the keyword in the body
/// (<c>http_2xx_keyword</c>), as our bench monitors do.
/// </summary>
public sealed class PrometheusStack : IDisposable
{
    private readonly int _prometheusPort;

    private PrometheusStack(Process blackbox, Process prometheus, int prometheusPort) =>
        (Blackbox, Prometheus, _prometheusPort) = (blackbox, prometheus, prometheusPort);

    public Process Blackbox { get; }

    public Process Prometheus { get; }

    public IEnumerable<Process> Processes => [Blackbox, Prometheus];

    public static async Task<PrometheusStack> StartAsync(Tools tools, int monitors, int intervalSeconds, Func<int, string> urlFor, string parent)
    {
        var directory = Directory.CreateDirectory(Path.Combine(parent, "prometheus")).FullName;
        var blackboxPort = ChildProcesses.FreePort();
        var blackboxConfig = Path.Combine(directory, "blackbox.yml");
        var timeout = Math.Max(1, Math.Min(10, intervalSeconds - 1));
        await File.WriteAllTextAsync(blackboxConfig, $"""
            modules:
              http_2xx:
                prober: http
                timeout: {timeout}s
                http:
                  preferred_ip_protocol: ip4
              http_2xx_keyword:
                prober: http
                timeout: {timeout}s
                http:
                  preferred_ip_protocol: ip4
                  fail_if_body_not_matches_regexp: ["ok"]
            """);
        var blackboxLog = Path.Combine(directory, "blackbox.log");
        var blackbox = ChildProcesses.Start(tools.Blackbox, [$"--config.file={blackboxConfig}", $"--web.listen-address=127.0.0.1:{blackboxPort}"], blackboxLog);
        await ChildProcesses.WaitListeningAsync(blackbox, blackboxPort, "blackbox_exporter", blackboxLog);

        // Targets in file_sd JSON (quicker to write and read than YAML at 100,000).
        await WriteTargetsAsync(Path.Combine(directory, "plain.json"), Enumerable.Range(0, monitors).Where(i => i % 4 != 0).Select(urlFor));
        await WriteTargetsAsync(Path.Combine(directory, "keyword.json"), Enumerable.Range(0, monitors).Where(i => i % 4 == 0).Select(urlFor));
        var prometheusPort = ChildProcesses.FreePort();
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: {intervalSeconds}s
              scrape_timeout: {timeout}s
              evaluation_interval: 1m
            scrape_configs:
            {Job("plain", "http_2xx", directory, blackboxPort)}
            {Job("keyword", "http_2xx_keyword", directory, blackboxPort)}
            """);
        var log = Path.Combine(directory, "prometheus.log");
        var prometheus = ChildProcesses.Start(tools.Prometheus,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "tsdb")}", $"--web.listen-address=127.0.0.1:{prometheusPort}", "--log.level=warn"], log);
        await ChildProcesses.WaitListeningAsync(prometheus, prometheusPort, "prometheus", log);
        return new PrometheusStack(blackbox, prometheus, prometheusPort);
    }

    private static string Job(string name, string module, string directory, int blackboxPort) => $"""
          - job_name: {name}
            metrics_path: /probe
            params:
              module: [{module}]
            file_sd_configs:
              - files: ['{Path.Combine(directory, name + ".json")}']
            relabel_configs:
              - source_labels: [__address__]
                target_label: __param_target
              - source_labels: [__param_target]
                target_label: instance
              - target_label: __address__
                replacement: 127.0.0.1:{blackboxPort}
        """;

    private static async Task WriteTargetsAsync(string path, IEnumerable<string> urls)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new[] { new Dictionary<string, object> { ["targets"] = urls.ToArray() } });
    }

    /// <summary>One number from prometheus's query API (instant query), e.g. how many probes failed at their last scrape.</summary>
    public async Task<double> QueryAsync(string query)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_prometheusPort}") };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query)));
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        ChildProcesses.Stop(Prometheus);
        ChildProcesses.Stop(Blackbox);
        Prometheus.Dispose();
        Blackbox.Dispose();
    }
}
