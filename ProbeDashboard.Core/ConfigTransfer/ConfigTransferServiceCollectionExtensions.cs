using Microsoft.Extensions.DependencyInjection;

namespace ProbeDashboard.Core.ConfigTransfer;

public static class ConfigTransferServiceCollectionExtensions
{
    /// <summary>Configuration export/import: one section per kind, run in their <see cref="IConfigSection.Order"/>.</summary>
    public static IServiceCollection AddConfigTransfer(this IServiceCollection services)
    {
        services.AddSingleton<IConfigSection, HostGroupSection>();
        services.AddSingleton<IConfigSection, NotificationGroupSection>();
        services.AddSingleton<IConfigSection, EscalationPolicySection>();
        services.AddSingleton<IConfigSection, MonitorSection>();
        services.AddSingleton<IConfigSection, HostGroupDependencySection>();
        services.AddSingleton<IConfigSection, AlertRuleSection>();
        services.AddSingleton<IConfigSection, IpLiveAppSection>();
        services.AddSingleton<IConfigSection, OpenApiClientSection>();
        services.AddSingleton<IConfigSection, StatusPageConfigSection>();
        services.AddSingleton<IConfigSection, MaintenanceWindowSection>();
        services.AddSingleton<ConfigTransferService>();
        return services;
    }
}
