namespace ProbeDashboard.Core.Notifications;

/// <summary>Delivers one outbox message over one medium. Throws on failure; the dispatcher retries.</summary>
public interface INotificationChannel
{
    NotificationChannelKind Kind { get; }

    Task SendAsync(NotificationOutboxEntry message, CancellationToken cancellationToken);
}
