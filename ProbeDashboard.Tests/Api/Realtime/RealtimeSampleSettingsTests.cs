using Microsoft.Extensions.Configuration;
using ProbeDashboard.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Realtime;

public class RealtimeSampleSettingsTests
{
    [Fact]
    public void The_sample_settings_show_the_real_realtime_defaults()
    {
        var sample = Path.Combine(Path.GetDirectoryName(LiveApp.ProjectDirectory("ProbeDashboard"))!, "appsettings.sample.json");
        var documented = new ConfigurationBuilder().AddJsonFile(sample).Build()
            .GetSection(RealtimeOptions.Section).Get<RealtimeOptions>()!;
        var defaults = new RealtimeOptions();

        Assert.Equal(
            (defaults.QueueCapacity, defaults.KeepAliveSeconds, defaults.ClientTimeoutSeconds, defaults.MaxTopicsPerConnection, defaults.AllowedOrigins.Length),
            (documented.QueueCapacity, documented.KeepAliveSeconds, documented.ClientTimeoutSeconds, documented.MaxTopicsPerConnection, documented.AllowedOrigins.Length));
    }
}
