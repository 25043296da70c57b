using System.Text;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Health;

/// <summary>
/// <c>/healthz</c>: liveness (the process answers and the database is migrated). <c>/readyz</c>: readiness, one
/// line per part (database writable, scheduler running, writer not backed up, Redis in a cluster); 503 when any part
/// is not ready (a "degraded" part, such as a lost Redis, still answers 200).
/// Both are anonymous so load balancers and orchestrators can call them; they reveal no data.
/// </summary>
public static class HealthApi
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReadinessCheck>();
        return builder;
    }

    public static void MapHealthApi(this WebApplication app)
    {
        app.MapGet("/healthz", (DatabaseInitializer database, ProbeSchedulerStatus scheduler) =>
            database.IsReady && scheduler.IsHealthy
                ? Results.Text("ok")
                : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", GetReadiness).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> GetReadiness(ReadinessCheck check, CancellationToken cancellationToken)
    {
        var parts = await check.CheckAsync(cancellationToken);
        var text = new StringBuilder();
        foreach (var part in parts) text.Append(part.Name).Append(": ").Append(part.Ready ? (part.Degraded ? "degraded" : "ok") : "FAIL").Append(" (").Append(part.Detail).Append(")\n");
        var ready = parts.All(p => p.Ready);
        return Results.Text((ready ? "ready\n" : "not ready\n") + text,
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
