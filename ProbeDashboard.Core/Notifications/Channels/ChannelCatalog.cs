using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Notifications.Chat;
using ProbeDashboard.Core.Notifications.Paging;
using ProbeDashboard.Core.Notifications.Push;

namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>Every service channel kind. Validation, the API, the UI and the export look kinds up here, so a new service is one definition.</summary>
public static class ChannelCatalog
{
    public static IReadOnlyList<ChannelDefinition> All { get; } =
    [
        new SlackChannel(), new DiscordChannel(), new TeamsChannel(), new TelegramChannel(), new MatrixChannel(),
        new NtfyChannel(), new GotifyChannel(), new PushoverChannel(), new PagerDutyChannel(), new OpsgenieChannel(),
    ];

    public static ChannelDefinition? For(NotificationChannelKind kind) => All.FirstOrDefault(d => d.Kind == kind);

    public static ChannelDefinition? Named(string? name) => All.FirstOrDefault(d => d.Name == name);

    /// <summary>Every setting name some kind has, for the API's wire type and to reject settings a kind lacks.</summary>
    public static IReadOnlySet<string> FieldNames { get; } = All.SelectMany(d => d.Fields).Select(f => f.Name).ToHashSet();

    /// <summary>One <see cref="INotificationChannel"/> per kind, all sending through the shared <see cref="ChannelRequestSender"/>.</summary>
    public static IServiceCollection AddServiceChannels(this IServiceCollection services)
    {
        services.AddSingleton<ChannelRequestSender>();
        foreach (var definition in All)
            services.AddSingleton<INotificationChannel>(sp => new ServiceApiChannel(definition, sp.GetRequiredService<ChannelRequestSender>(), sp.GetRequiredService<SecretProtector>()));
        return services;
    }
}
