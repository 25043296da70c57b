using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Alerts.Engine;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Notifications.Channels;
using ProbeDashboard.Core.Notifications.Email;
using ProbeDashboard.Core.Notifications.Sms;
using ProbeDashboard.Core.Notifications.Webhook;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Alerts;

public static class AlertingServiceCollectionExtensions
{
    /// <summary>Alert evaluation, the notification outbox and its channels, and the Data Protection key ring for secrets.</summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section))
            .PostConfigure(o => o.PublicUrl = configuration["Dashboard:PublicUrl"] is { Length: > 0 } url ? url : o.PublicUrl)
            .Validate(o => string.IsNullOrEmpty(o.PublicUrl) || (Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "Dashboard:PublicUrl must be an absolute http or https URL, e.g. https://probe.example.org")
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Keys next to the database: secrets stay readable after a restart or an upgrade, and nowhere else.
        // Resolved from the options, not read here, so settings added after registration (tests) still count.
        services.AddDataProtection().SetApplicationName("ProbeDashboard");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
        {
            // The keys are stored unencrypted (no machine key store on Linux): only the service user may read them.
            var directory = Path.Combine(Path.GetDirectoryName(storage.Value.DatabasePath)!, "keys");
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            keys.XmlRepository = new PrivateXmlRepository(new DirectoryInfo(directory), logs);
        });
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<DashboardAddress>();

        services.AddSingleton<MonitorAlertProfiles>();
        services.AddSingleton<Hosts.Dependencies.HostDependencies>();
        services.AddSingleton<ServiceSampleSource>();
        services.AddSingleton<AlertProcessor>();
        services.AddHostedService<AlertEngine>();
        services.AddSingleton<AlertRuleService>();
        services.AddSingleton<AlertEventService>();
        services.AddSingleton<NotificationGroupService>();
        services.AddSingleton<Escalation.Escalator>();
        services.AddSingleton<Escalation.EscalationPolicyService>();

        WebhookChannel.AddHttpClient(services);
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<INotificationChannel, SmtpEmailChannel>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, SmsWebhookChannel>();
        services.AddServiceChannels();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
