using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The real app, started through its own entry point in this process and listening with Kestrel on 127.0.0.1
/// (a browser needs a socket; TestServer has none). Development environment, as `dotnet run` has it. The host's services stay reachable for assertions (e.g. the event bus).
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    public const string AdminPassword = DashboardFactory.AdminPassword;

    private readonly TempDirectory _data = new();
    private readonly EfWarningRecorder _efWarnings = new();
    private IHost? _host;
    private Task? _run;

    public string BaseUrl { get; private set; } = "";
    public string DataDirectory => _data.Path;
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The app is not running.");

    public static async Task<LiveApp> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var app = new LiveApp();
        await app.RunAsync(settings, cancellationToken);
        return app;
    }

    private async Task RunAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            // Port 0: the system picks a free one as Kestrel binds it, so no other test can take it in between.
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            // The entry assembly here is the test host; the static web assets manifest is named after the app.
            "--applicationName", "ProbeDashboard",
            "--contentRoot", ProjectDirectory("ProbeDashboard"),
            $"--Storage:DataDirectory={_data.Path}",
            $"--Auth:AdminPassword={AdminPassword}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error",
        };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));

        var built = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (HostCapture.Begin(built))
        {
            var entryPoint = typeof(Program).Assembly.EntryPoint!;
            _run = Task.Factory.StartNew(() => entryPoint.Invoke(null, [args.ToArray()]), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        _ = _run.ContinueWith(t => built.TrySetException(t.Exception?.InnerException ?? new InvalidOperationException("The app exited before its host was built.")), TaskScheduler.Default);
        _host = await built.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        _host.Services.GetRequiredService<ILoggerFactory>().AddProvider(_efWarnings);
        BaseUrl = await BoundUrlAsync();
        await WaitUntilHealthyAsync(cancellationToken);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_run!.IsCompleted) throw new InvalidOperationException("The app stopped during start-up.", _run.Exception);
            try
            {
                if ((await client.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The app did not become healthy.");
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _host.StopAsync(timeout.Token);
        }
        if (_run is not null) await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(20)));
        _data.Dispose();
        _efWarnings.AssertNone();
    }

    /// <summary>A project folder of this repository, found by walking up to the solution file.</summary>
    public static string ProjectDirectory(string project)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Dashboard.sln not found above the test output."), project);
    }

    /// <summary>The address Kestrel bound, read from the server once it replaced the configured port 0.</summary>
    private async Task<string> BoundUrlAsync()
    {
        var addresses = _host!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        string? Bound()
        {
            try
            {
                return addresses.ToArray().FirstOrDefault(a => new Uri(a).Port != 0);
            }
            catch (InvalidOperationException)
            {
                return null;   // Kestrel was replacing the list while we read it.
            }
        }
        await Eventually.TrueAsync(() => _run!.IsCompleted || Bound() is not null, "the app to listen", 60_000);
        return Bound() ?? throw new InvalidOperationException("The app stopped during start-up.", _run!.Exception);
    }

    /// <summary>
    /// Catches the host our entry-point call builds (the hosting library announces it on a DiagnosticListener),
    /// ignoring hosts other tests build at the same time: only the async flow that called Begin is watched.
    /// </summary>
    private sealed class HostCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<HostCapture?> Current = new();
        private readonly TaskCompletionSource<IHost> _built;
        private readonly IDisposable _all;

        private HostCapture(TaskCompletionSource<IHost> built)
        {
            _built = built;
            Current.Value = this;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public static IDisposable Begin(TaskCompletionSource<IHost> built) => new HostCapture(built);

        public void OnNext(DiagnosticListener listener)
        {
            if (Current.Value == this && listener.Name == "Microsoft.Extensions.Hosting") listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> evt)
        {
            if (Current.Value == this && evt.Key == "HostBuilt" && evt.Value is IHost host) _built.TrySetResult(host);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            Current.Value = null;
            // The subscription to AllListeners stays until the host is built; the flow check keeps it inert.
            _ = _built.Task.ContinueWith(_ => _all.Dispose(), TaskScheduler.Default);
        }
    }
}
