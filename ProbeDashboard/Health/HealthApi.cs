using ProbeDashboard.Core.Storage;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Health;

public static class HealthApi
{
    public static void MapHealthApi(this WebApplication app)
    {
        app.MapGet("/healthz", (DatabaseInitializer database, ProbeSchedulerStatus scheduler) =>
            database.IsReady && scheduler.IsHealthy
                ? Results.Text("ok")
                : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
    }
}
