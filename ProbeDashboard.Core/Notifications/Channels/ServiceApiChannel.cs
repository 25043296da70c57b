namespace ProbeDashboard.Core.Notifications.Channels;

/// <summary>Delivers outbox messages of one service channel kind: the summary, rendered by the definition, sent by the shared sender.</summary>
public sealed class ServiceApiChannel(ChannelDefinition definition, ChannelRequestSender sender, SecretProtector secrets) : INotificationChannel
{
    public NotificationChannelKind Kind => definition.Kind;

    public Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken) =>
        sender.SendAsync(definition.Service, definition.Request(NotificationSummary.Of(message), ChannelSettings.Of(message, secrets)), cancellationToken);
}
