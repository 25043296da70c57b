using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using ProbeDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ProbeDashboard.Tests.Browser;

/// <summary>
/// The deployment promise: the published executable, copied alone into an empty directory, is the whole product.
/// It starts on 127.0.0.1 with a fresh data directory and a browser signs in and watches a monitor go online,
/// with every script, style and font served from inside the file, revalidated by ETag and compressed as asked.
/// </summary>
[Trait("Category", "Browser")]
public class SingleFileTests
{
    private const string AdminPassword = "single-file-admin-password";

    [Fact]
    public async Task The_published_file_alone_serves_a_signed_in_browser_a_live_monitor()
    {
        // Its own budget: a self-contained publish took 7 minutes on a shared 2-core machine (cached afterwards).
        using var publishing = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var published = await PublishedBinary.GetAsync(publishing.Token);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var dir = new TempDirectory();
        var binary = Path.Combine(dir.Path, "ProbeDashboard");
        File.Copy(published, binary);
        await using var target = await TargetServer.StartAsync();
        await using var server = AppProcess.Start(
            ["--data-dir", Path.Combine(dir.Path, "data"), $"--Auth:AdminPassword={AdminPassword}",
             "--Probing:MinIntervalSeconds=1", "--Logging:LogLevel:Default=Warning", .. AppProcess.AnyLocalPort],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, binary: binary, workingDirectory: dir.Path);
        // A self-contained file JITs (and unpacks SQLite) on its first start: on a busy machine that has taken over a minute.
        var baseUrl = await server.ListeningUrlAsync(TimeSpan.FromSeconds(150));
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await WaitHealthyAsync(server, http, cts.Token);
        foreach (var asset in Assets) await AssertServedFromTheFileAsync(http, asset, cts.Token);
        await CreateMonitorAsync(http, target, cts.Token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = baseUrl, Locale = "en-US" });
        var failedAssets = new List<string>();
        page.Response += (_, response) => { if (response.Status >= 400) failedAssets.Add($"{response.Status} {response.Url}"); };
        await FailureArtifacts.RunAsync(page, async () =>
        {
            await page.GotoAsync("/login");
            await page.GetByLabel("User name").FillAsync("admin");
            await page.GetByLabel("Password").FillAsync(AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(baseUrl + "/");
            await BrowserFixture.WaitUntilInteractiveAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Monitors", Exact = true }).ClickAsync();
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "single file target" });
            await Expect(row.GetByText("Online")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        });

        Assert.Empty(failedAssets);
        Assert.Equal(["ProbeDashboard", "data"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>Blazor's script (from the framework's assets package), the component library's files and ours.</summary>
    private static readonly string[] Assets =
    [
        "/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.js", "/_content/MudBlazor/MudBlazor.min.css",
        "/assets/css/app.css", "/assets/js/app.js", "/assets/js/charts.js", "/assets/vendor/apexcharts.min.js",
    ];

    /// <summary>
    /// Non-empty, a 304 for its own ETag, and brotli and gzip that decompress to the plain bytes: a browser sends
    /// "Accept-Encoding: br", and a precompressed copy missing from the file once answered 200 with an empty body.
    /// </summary>
    private static async Task AssertServedFromTheFileAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var plain = await http.GetAsync(path, cancellationToken);
        var original = await plain.Content.ReadAsByteArrayAsync(cancellationToken);
        Assert.True(plain.StatusCode == HttpStatusCode.OK && original.Length > 0, $"{path}: {(int)plain.StatusCode}, {original.Length} bytes");
        Assert.NotNull(plain.Headers.ETag);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(plain.Headers.ETag);
        using var notModified = await http.SendAsync(revalidate, cancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        foreach (var encoding in (string[])["br", "gzip"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var compressed = await http.SendAsync(request, cancellationToken);
            Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
            var body = await compressed.Content.ReadAsByteArrayAsync(cancellationToken);
            Assert.True(body.Length > 0 && body.Length < original.Length, $"{path} in {encoding}: {body.Length} of {original.Length} bytes");
            Assert.Equal(original, await ContentEncodings.DecompressAsync(body, encoding));
        }
    }

    private static async Task WaitHealthyAsync(AppProcess server, HttpClient http, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited) Assert.Fail($"The published server exited:\n{server.OutputText}");
            try
            {
                if ((await http.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            if (started.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"The published server did not become healthy:\n{server.OutputText}");
            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task CreateMonitorAsync(HttpClient http, TargetServer target, CancellationToken cancellationToken)
    {
        using var token = await http.PostAsync("/api/v1/auth/token", ApiJson.Content(new { username = "admin", password = AdminPassword }), cancellationToken);
        var accessToken = (await token.JsonAsync()).GetProperty("data").GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/service-monitors")
        {
            Content = ApiJson.Content(new
            {
                name = "single file target", type = 1, target = target.Url("/ok").ToString(), duration = 2, timeout = 1,
                execute_on = new { type = "all" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var created = await http.SendAsync(request, cancellationToken);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(cancellationToken));
    }
}
