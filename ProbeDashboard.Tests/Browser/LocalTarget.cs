using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Tests.Browser;

/// <summary>A real HTTP service on 127.0.0.1 for monitors to probe; stopping it makes them fail.</summary>
public sealed class LocalTarget : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalTarget(WebApplication app, string url) => (_app, Url) = (app, url);

    public string Url { get; }

    public static async Task<LocalTarget> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the system picks a free one as Kestrel binds it, so no other test can take it in between.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        await app.StartAsync(cancellationToken);
        return new LocalTarget(app, $"{app.Urls.Single()}/health");
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
