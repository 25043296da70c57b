using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProbeDashboard.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel) that records every request it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string Path, string Body, IReadOnlyDictionary<string, string> Headers, string Method = "POST");

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Status the receiver answers with; set to 500 to simulate a broken receiver.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Statuses for the next requests, one each, before <see cref="StatusCode"/> applies again (e.g. 503 then 200).</summary>
    public ConcurrentQueue<int> NextStatuses { get; } = new();

    /// <summary>Body of every answer, e.g. the error a service explains a refusal with.</summary>
    public string ResponseBody { get; set; } = "";

    public string Url { get; private set; } = "";

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(context.Request.Path + context.Request.QueryString, body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), context.Request.Method));
            context.Response.StatusCode = NextStatuses.TryDequeue(out var next) ? next : StatusCode;
            if (ResponseBody.Length > 0) await context.Response.WriteAsync(ResponseBody);
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
