using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Health;

public static class HealthApi
{
    public static void MapHealthApi(this WebApplication app)
    {
        app.MapGet("/healthz", (DatabaseInitializer database) =>
            database.IsReady
                ? Results.Text("ok")
                : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
    }
}
