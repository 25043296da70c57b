using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Probing;

namespace ProbeDashboard.Tests.Support;

/// <summary>API test hosts run without the probe scheduler unless a fixture asks for it.</summary>
public class DashboardFactoryTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task The_scheduler_runs_only_when_a_fixture_asks_for_it(string? setting, bool running)
    {
        await using var app = new DashboardFactory();
        if (setting is not null) app.Settings["Probing:SchedulerEnabled"] = setting;

        app.CreateClient().Dispose();

        var status = app.Services.GetRequiredService<ProbeSchedulerStatus>();
        Assert.Equal((running, running), (status.Enabled, status.IsRunning));
    }
}
