using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The real app on its own SQLite file beside a Kestrel target on 127.0.0.1. With <paramref name="schedulerRunning"/>
/// the Quartz scheduler probes for real and monitors may use a 1 s interval; without it tests drive Core directly.
/// </summary>
public abstract class AppWithTargetTests(bool schedulerRunning) : IAsyncLifetime
{
    protected DashboardFactory App { get; } = new();
    protected TargetServer Target { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Target = await TargetServer.StartAsync();
        if (schedulerRunning)
        {
            App.Settings["Probing:SchedulerEnabled"] = "true";
            App.Settings["Probing:MinIntervalSeconds"] = "1";
        }
        App.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Target.DisposeAsync();
    }

    protected T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    protected ProbeDbContext Db() => Get<IDbContextFactory<ProbeDbContext>>().CreateDbContext();
}
