using ProbeDashboard.Core.Compat.IpLive;

namespace ProbeDashboard.Compat.IpLive;

public static class IpLiveSetup
{
    /// <summary>The iplive API (seed 002): apps, groups as monitors, probe nodes, node results, round callbacks.</summary>
    public static WebApplicationBuilder AddIpLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IpLiveOptions>().BindConfiguration(IpLiveOptions.Section);
        builder.Services.AddIpLive();
        return builder;
    }

    /// <summary>Seed 002's paths under the configured prefix and the admin's /api/v1/iplive/apps.</summary>
    public static void MapIpLiveApis(this WebApplication app)
    {
        app.MapIpLiveApi();
        app.MapIpLiveAppsApi();
    }
}
