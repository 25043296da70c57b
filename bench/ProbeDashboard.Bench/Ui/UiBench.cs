using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace ProbeDashboard.Bench.Ui;

/// <summary>
/// The dashboard's figures from issue #14, measured against the real server process and Debian's Chromium:
/// sign-in to a usable monitors page (first page of rows with their heartbeat bars, live circuit connected), the
/// monitors page's server render, and what N open dashboards cost the server in memory and CPU while every
/// monitor probes. Run: <c>ProbeDashboard.Bench ui --monitors 5000 --days 30 --dashboards 50</c>.
/// </summary>
public static class UiBench
{
    private const int FirstPageRows = 20;

    public static async Task<int> RunAsync(IEnumerable<string> args)
    {
        var options = UiBenchOptions.Parse(args);
        using var target = await TargetProcess.StartAsync(4, 0);
        var data = Directory.CreateTempSubdirectory("probedashboard-uibench-").FullName;
        try
        {
            var seeding = Stopwatch.StartNew();
            await UiBenchSeed.SeedAsync(data, options, target.Ports);
            SqliteConnection.ClearAllPools();
            Console.WriteLine($"Seeded {options.Monitors} monitors with {options.Days} days of rollups in {seeding.Elapsed.TotalSeconds:F0} s");

            // Every sign-in comes from 127.0.0.1: lift the per-address sign-in limit (10 a minute) above what the bench makes.
            await using var server = await DashboardProcess.StartAsync(data, Math.Min(options.IntervalSeconds, 5), $"--RateLimits:SignIn:PermitLimit={options.SignIns + 10}");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = LowPriorityChromium.Path(options.BrowserGroupNice),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            // Every monitor has fired once (first fires are spread over one interval) before anything is measured.
            Console.WriteLine($"Server up at {server.BaseUrl}; warming up for {options.IntervalSeconds + 10} s");
            await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds + 10));

            // One sign-in first, not counted: the first browser profile of the run also pays for Chromium's own start.
            await SignInToMonitorsAsync(browser, server.BaseUrl);
            var signIns = new List<double>();
            var timelines = new List<IReadOnlyDictionary<string, double>>();
            for (var i = 0; i < options.SignIns; i++)
            {
                var (elapsed, stages) = await SignInToMonitorsAsync(browser, server.BaseUrl);
                signIns.Add(elapsed);
                timelines.Add(stages);
            }
            Console.WriteLine($"sign-in to a usable monitors page: {NamedNumbers.Describe(signIns)}");
            Console.WriteLine("  its stages, ms after the click:");
            foreach (var line in SignInTimeline.Report(timelines)) Console.WriteLine(line);

            var renders = await ServerRenderAsync(browser, server.BaseUrl, 30);
            Console.WriteLine($"monitors page server render (GET /monitors, whole response): {NamedNumbers.Describe(renders)}");

            // The server's CPU with nothing open swings by tens of points from one minute to the next on this machine (the
            // writer's checkpoints, the GC, the neighbours): several windows before the dashboards open and as many after
            // they close, and the fan-out is the median with them open less the median without.
            var idle = await MeasureWindowsAsync(server, data, options, "0 dashboards open (before)");
            if (options.Dashboards == 0) return 0;

            // One sign-in (the sign-in rate limit would refuse fifty from one address); each dashboard is its own
            // browser context with that cookie, so each holds its own circuit as separate operators would.
            var (signedIn, _) = await NewSignedInAsync(browser, server.BaseUrl);
            var cookie = await signedIn.StorageStateAsync();
            await LeaveAsync(signedIn);
            var open = new List<IBrowserContext>();
            var opening = Stopwatch.StartNew();
            for (var i = 0; i < options.Dashboards; i++)
            {
                var context = await browser.NewContextAsync(ContextOptions(server.BaseUrl, cookie));
                var page = await context.NewPageAsync();
                try
                {
                    // Chromium itself competes with the server for the cores as the pages pile up: allow it time.
                    await page.GotoAsync("/monitors", new() { Timeout = 120_000 });
                    await UsableAsync(page);
                }
                catch (TimeoutException)
                {
                    Console.WriteLine($"dashboard {i + 1} did not become usable within 120 s: measuring with {open.Count} open");
                    await context.CloseAsync();
                    break;
                }
                open.Add(context);
            }
            Console.WriteLine($"opened {open.Count} dashboards in {opening.Elapsed.TotalSeconds:F0} s");
            var barsBefore = await FirstBarsAsync(open);
            var busy = await MeasureWindowsAsync(server, data, options, $"{open.Count} dashboards open on /monitors");
            var barsAfter = await FirstBarsAsync(open);
            // A starved browser loses its circuit and its page stops changing: such a window measures nothing.
            var live = barsBefore.Zip(barsAfter).Count(pair => pair.First is not null && pair.First != pair.Second);
            Console.WriteLine($"live dashboards (first row's heartbeat bar redrawn by the server during the windows): {live} of {open.Count}");
            foreach (var context in open) await LeaveAsync(context);
            idle.AddRange(await MeasureWindowsAsync(server, data, options, "0 dashboards open (after closing them)"));

            var (idleCpu, busyCpu) = (NamedNumbers.Median(idle.Select(w => w.Cpu)), NamedNumbers.Median(busy.Select(w => w.Cpu)));
            Console.WriteLine($"per open dashboard: {(busy.Max(w => w.Rss) - idle[0].Rss) / 1048576.0 / Math.Max(1, open.Count):F2} MB RSS; " +
                              $"UI fan-out CPU {busyCpu - idleCpu:P1} of one core (median of {busy.Count} windows open {busyCpu:P1}, of {idle.Count} without {idleCpu:P1}; " +
                              $"the windows without ranged {idle.Min(w => w.Cpu):P1}-{idle.Max(w => w.Cpu):P1})");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// From the click on "Sign in" to the monitors page with its first page of rows and heartbeat bars, live; and the
    /// stages in between.
    /// </summary>
    private static async Task<(double Elapsed, IReadOnlyDictionary<string, double> Stages)> SignInToMonitorsAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(ContextOptions(baseUrl));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?ReturnUrl=%2Fmonitors");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(DashboardProcess.AdminPassword);
        var timeline = SignInTimeline.Watch(page);
        var clock = Stopwatch.StartNew();
        timeline.Clicked();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/monitors");
        await UsableAsync(page, timeline);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var stages = timeline.Usable();
        await LeaveAsync(context);
        return (elapsed, stages);
    }

    private static async Task UsableAsync(IPage page, SignInTimeline? timeline = null)
    {
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 120_000 });
        timeline?.Mark("circuit interactive (data-interactive=true)");
        // The page's CSP forbids evaluated scripts, so wait with a locator: the last row of the first page has its bar.
        await page.Locator("tbody tr [role=img]").Nth(FirstPageRows - 1).WaitForAsync(new() { Timeout = 120_000 });
    }

    /// <summary>The whole server-rendered response of /monitors for a signed-in browser's cookie, after three warm-ups.</summary>
    private static async Task<List<double>> ServerRenderAsync(IBrowser browser, string baseUrl, int count)
    {
        var (context, _) = await NewSignedInAsync(browser, baseUrl);
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync()) cookies.Add(new Uri(baseUrl), new System.Net.Cookie(cookie.Name, cookie.Value));
        await LeaveAsync(context);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var times = new List<double>();
        for (var i = 0; i < count + 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/monitors");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET /monitors answered {(int)response.StatusCode}");
            if (i >= 3) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static async Task<(IBrowserContext, IPage)> NewSignedInAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(ContextOptions(baseUrl));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(DashboardProcess.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/");
        return (context, page);
    }

    /// <summary>Each dashboard's first heartbeat bar as drawn now (null when it cannot be read): only the server redraws it.</summary>
    private static async Task<List<string?>> FirstBarsAsync(List<IBrowserContext> dashboards)
    {
        var bars = new List<string?>();
        foreach (var context in dashboards)
        {
            try { bars.Add(await context.Pages[0].Locator("tbody [role=img]").First.InnerHTMLAsync(new() { Timeout = 10_000 })); }
            catch (TimeoutException) { bars.Add(null); }
        }
        return bars;
    }

    private static BrowserNewContextOptions ContextOptions(string baseUrl, string? storageState = null) => new()
    {
        BaseURL = baseUrl,
        StorageState = storageState,
        Locale = "en-US",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    /// <summary>
    /// Closes the browser's pages as a user closing the tab does: the unload handlers run, so Blazor's script tells the
    /// server the circuit is over. Closing the context alone leaves each circuit disconnected but kept on the server for
    /// its retention period (3 minutes), still taking live updates, which the windows after would count.
    /// </summary>
    private static async Task LeaveAsync(IBrowserContext context)
    {
        foreach (var page in context.Pages.ToList())
        {
            var closed = new TaskCompletionSource();
            page.Close += (_, _) => closed.TrySetResult();
            await page.CloseAsync(new() { RunBeforeUnload = true });
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        await context.CloseAsync();
    }

    /// <summary>Several windows in a row (<see cref="UiBenchOptions.Windows"/>), each printed as it ends.</summary>
    private static async Task<List<(double Cpu, long Rss, double ResultsPerSecond)>> MeasureWindowsAsync(
        DashboardProcess server, string data, UiBenchOptions options, string what)
    {
        var windows = new List<(double Cpu, long Rss, double ResultsPerSecond)>();
        for (var i = 0; i < options.Windows; i++)
        {
            var window = await MeasureAsync(server, data, options.WindowSeconds);
            windows.Add(window);
            Console.WriteLine($"{what}, window {i + 1} of {options.Windows}: server CPU {window.Cpu:P1} of one core, RSS {window.Rss / 1048576.0:F0} MB, {window.ResultsPerSecond:F1} results/s stored");
        }
        return windows;
    }

    /// <summary>
    /// Server CPU (share of one core) over the window, its resident memory at the end, and the results it stored per
    /// second: two windows compare only if both stored the same rate (a starved server probes less and looks cheaper).
    /// </summary>
    private static async Task<(double Cpu, long Rss, double ResultsPerSecond)> MeasureAsync(DashboardProcess server, string data, int seconds)
    {
        var before = server.CpuTime();
        var firstResult = await BenchDataDirectory.MaxResultIdAsync(data);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var cpu = (server.CpuTime() - before).TotalSeconds / clock.Elapsed.TotalSeconds;
        var stored = await BenchDataDirectory.MaxResultIdAsync(data) - firstResult;
        return (cpu, server.ResidentBytes(), stored / clock.Elapsed.TotalSeconds);
    }
}
