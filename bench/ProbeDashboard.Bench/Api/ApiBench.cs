using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProbeDashboard.Bench.Ui;

namespace ProbeDashboard.Bench.Api;

/// <summary>
/// <c>api --monitors M [--clients C] [--interval I]</c>: what an operator automating the product meets, against the real
/// server process on a fresh data directory: start-up and idle memory, creating M monitors through the REST API with C
/// parallel clients (each answer a 201 after its commit and audit entry), the warm first page of the monitors list,
/// and a restart after kill -9 until every monitor has probed again, with the peak probe rate on the way (a burst
/// would show as a peak far above M / I per second). <c>--create-only 1</c> stops after creating, for trying changes to
/// the create path without waiting for the list and restart phases; <c>--create-rounds R</c> creates M monitors R times
/// on the same server, each round measured on its own (the first after a start runs while the JIT compiles the path).
/// </summary>
public static class ApiBench
{
    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var get = NamedNumbers.Parse(args);
        var (monitors, clients, interval) = (get("monitors", 5000), get("clients", 8), get("interval", 60));
        var createOnly = get("create-only", 0) != 0;
        var createRounds = Math.Max(1, get("create-rounds", 1));
        using var target = await TargetProcess.StartAsync(4, 0);
        var data = Directory.CreateTempSubdirectory("probedashboard-apibench-").FullName;
        try
        {
            var starting = Stopwatch.StartNew();
            var server = await DashboardProcess.StartAsync(data, Math.Min(interval, 5));
            // The id is what a profiler attaches to (dotnet-trace collect -p).
            Console.WriteLine($"fresh start to listening: {starting.Elapsed.TotalSeconds:F1} s (server process {server.Process.Id})");
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            (await http.GetAsync("/login")).EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(10));
            Console.WriteLine($"idle after the first page load, 0 monitors: RSS {server.ResidentBytes() / 1048576.0:F0} MB");

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
            // A later round creates as many again on the same server: the first pays for the JIT, the next shows the steady cost.
            for (var round = 0; round < createRounds; round++)
            {
                var (serverCpu, benchCpu) = (server.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime);
                var creating = Stopwatch.StartNew();
                var createTimes = await CreateAsync(http, round * monitors, monitors, clients, interval, target.Ports);
                Console.WriteLine($"round {round + 1}: created {monitors} monitors with {clients} clients in {creating.Elapsed.TotalSeconds:F1} s " +
                    $"({monitors / creating.Elapsed.TotalSeconds:F0}/s); per request: {NamedNumbers.Describe(createTimes)}");
                // On two cores the wall time cannot fall below (server + clients' CPU) / 2: this says which side to cut.
                serverCpu = server.CpuTime() - serverCpu;
                benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;
                Console.WriteLine($"CPU while creating: server {serverCpu.TotalSeconds:F1} s ({serverCpu.TotalMilliseconds / monitors:F2} ms per create), " +
                    $"the bench's clients {benchCpu.TotalSeconds:F1} s; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }
            monitors *= createRounds;
            if (createOnly)
            {
                await server.DisposeAsync();
                return 0;
            }

            // Every monitor fires once within one interval of its creation.
            await Task.Delay(TimeSpan.FromSeconds(interval + 5));
            Console.WriteLine($"first list page (GET /api/v1/service-monitors, warm): {NamedNumbers.Describe(await FirstPageAsync(http, 30))}");
            Console.WriteLine($"running, {monitors} monitors probing: RSS {server.ResidentBytes() / 1048576.0:F0} MB");

            var before = await BenchDataDirectory.MaxResultIdAsync(data);
            await server.DisposeAsync();
            var killedAt = DateTime.UtcNow;
            var restarting = Stopwatch.StartNew();
            var restartedAt = DateTime.UtcNow;
            server = await DashboardProcess.StartAsync(data, Math.Min(interval, 5));
            var listening = restarting.Elapsed;
            var (everyMonitor, peakPerSecond) = await UntilEveryMonitorProbedAsync(data, before, monitors, restarting);
            Console.WriteLine($"restart after kill -9: listening after {listening.TotalSeconds:F1} s, every monitor probed again after " +
                $"{everyMonitor.TotalSeconds:F1} s; peak {peakPerSecond} results/s committed (steady rate {monitors / (double)interval:F0}/s)");
            Console.WriteLine(RestartRate.Describe(await RestartRate.ReadAsync(data, before), restartedAt, monitors / (double)interval));
            var gaps = await RestartGaps.ReadAsync(data, before, killedAt, interval);
            var delays = gaps.OrderByDescending(g => g.DelaySeconds).ToList();
            Console.WriteLine($"longest gap in one monitor's results across the kill and restart: {gaps[0].Seconds:F1} s (interval {interval} s; " +
                $"after a create the next slot is 3/4 to 7/4 of an interval away, restart or not)");
            Console.WriteLine($"longest delay past the slot a monitor would have had without the kill: {delays[0].DelaySeconds:F1} s " +
                "(a slot missed while down is caught up within about 12 s of the start); the longest five of each:");
            foreach (var gap in gaps.Take(5).Concat(delays.Take(5))) Console.WriteLine("  " + RestartGaps.Describe(gap, killedAt, restartedAt));
            await server.DisposeAsync();
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = DashboardProcess.AdminPassword });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("access_token").GetString()!;
    }

    private static async Task<List<double>> CreateAsync(HttpClient http, int first, int monitors, int clients, int interval, IReadOnlyList<int> ports)
    {
        var times = new List<double>(monitors);
        var next = first - 1;
        monitors += first;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < monitors)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.PostAsJsonAsync("/api/v1/service-monitors", new Dictionary<string, object>
                {
                    ["name"] = $"api-bench-{i:D6}", ["type"] = 1, ["target"] = $"http://127.0.0.1:{ports[i % ports.Count]}/ok", ["duration"] = interval,
                });
                if ((int)response.StatusCode != 201) throw new InvalidOperationException($"create {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                lock (times) times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }));
        return times;
    }

    private static async Task<List<double>> FirstPageAsync(HttpClient http, int count)
    {
        var times = new List<double>();
        for (var i = -3; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/api/v1/service-monitors?page=1&page_size=20");
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>Polls the database file (read-only, beside the server) until every monitor has a result newer than the restart.</summary>
    private static async Task<(TimeSpan Elapsed, long PeakPerSecond)> UntilEveryMonitorProbedAsync(string data, long after, int monitors, Stopwatch since)
    {
        long peak = 0, previous = 0;
        var lastSample = since.Elapsed;
        while (since.Elapsed < TimeSpan.FromMinutes(5))
        {
            // Rates over whole seconds: a shorter window would turn one early batch into a false burst.
            await Task.Delay(1000);
            await using var connection = BenchDataDirectory.OpenReadOnly(data);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(DISTINCT MonitorId), count(*) FROM ProbeResults WHERE Id > $after";
            command.Parameters.AddWithValue("$after", after);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (distinct, total) = (reader.GetInt64(0), reader.GetInt64(1));
            var now = since.Elapsed;
            peak = Math.Max(peak, (long)((total - previous) / (now - lastSample).TotalSeconds));
            (previous, lastSample) = (total, now);
            if (distinct >= monitors) return (now, peak);
        }
        throw new TimeoutException("not every monitor probed within 5 minutes of the restart");
    }
}
