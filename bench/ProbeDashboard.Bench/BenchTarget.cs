using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ProbeDashboard.Bench;

/// <summary>
/// The HTTP targets, run as a child process so the CPU and memory the benchmark reports are the probe
/// pipeline's alone. Listens on several 127.0.0.1 ports, prints them, and exits when its stdin closes.
/// A delay makes every answer slow, so many probes are in flight at once as with real, distant targets.
/// </summary>
public static class BenchTarget
{
    public static async Task<int> RunAsync(int ports, int delayMs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            for (var i = 0; i < ports; i++) k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapGet("/ok", async (CancellationToken cancellationToken) =>
        {
            if (delayMs > 0) await Task.Delay(delayMs, cancellationToken);
            return "service is ok";
        });
        await app.StartAsync();

        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
            Console.WriteLine("PORT " + new Uri(address).Port);
        Console.WriteLine("READY");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }
}
