using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ProbeDashboard.Cluster;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Realtime.Feeds;
using ProbeDashboard.Realtime.Hub;
using ProbeDashboard.Realtime.Sockets;

namespace ProbeDashboard.Realtime;

public static class RealtimeSetup
{
    /// <summary>Bus feeds, fan-out, counters and SignalR for the seed 001 §5 subscriptions.</summary>
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RealtimeStats>();
        services.AddSingleton<RealtimeFanOut>();
        services.AddSingleton<HubSubscriptions>();
        services.AddRealtimeFeed<ProbeResultsCommitted, ProbeResultMapper>();
        services.AddRealtimeFeed<HostMetricsSampled, HostStateMapper>();
        services.AddRealtimeFeed<AlertEventChanged, AlertEventMapper>();

        services.AddSignalR().AddJsonProtocol(o => RealtimePush.ConfigureJson(o.PayloadSerializerOptions))
            .AddClusterBackplane(builder.Configuration);   // Redis backplane for the hub, in a cluster only
        // Only this hub: the Blazor circuits' hub keeps its own timings, which its browser script is built around.
        services.AddOptions<HubOptions<MonitoringHub>>().Configure<IOptions<RealtimeOptions>>((hub, realtime) =>
        {
            hub.KeepAliveInterval = TimeSpan.FromSeconds(realtime.Value.KeepAliveSeconds);
            hub.ClientTimeoutInterval = TimeSpan.FromSeconds(realtime.Value.ClientTimeoutSeconds);
        });
        return builder;
    }

    /// <summary>One bus subscription for the stream <typeparamref name="TMapper"/> produces, shared by every client.</summary>
    public static IServiceCollection AddRealtimeFeed<TEvent, TMapper>(this IServiceCollection services)
        where TEvent : class
        where TMapper : class, IRealtimeMapper<TEvent>
    {
        services.AddSingleton<IRealtimeMapper<TEvent>, TMapper>();
        return services.AddHostedService<RealtimeFeed<TEvent>>();
    }

    public static void MapRealtime(this WebApplication app)
    {
        app.MapRealtimeSockets(app.Services.GetRequiredService<IOptions<RealtimeOptions>>().Value);
        app.MapHub<MonitoringHub>(MonitoringHub.Path).RequireAllowedOrigin();
    }
}
