using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Storage, the event bus and the options every feature shares.</summary>
    public static IServiceCollection AddProbeDashboardCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // One registry per app instance, not prometheus-net's static default: several hosts in one process (the
        // tests, the benchmark) would otherwise add up each other's counts.
        // In a cluster every series is labelled with the node (ClusterMetricLabels).
        services.TryAddSingleton(ClusterMetricLabels.NewRegistry);
        services.AddSingleton<EventBus>();
        services.AddSingleton<EventBusMetrics>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.Provider != StorageProvider.PostgreSQL || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is PostgreSQL (e.g. Host=127.0.0.1;Database=probe;Username=probe;Password=...)")
            .ValidateOnStart();
        services.AddOptions<ProbingOptions>().Bind(configuration.GetSection(ProbingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        // The provider is chosen once, from configuration, before anything is resolved. Contexts are pooled: the
        // writer, the alert engine and every page create one per unit of work, dozens a second, and building a new
        // context's internal services was a large part of each small batch's cost.
        if (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider == StorageProvider.PostgreSQL)
        {
            services.AddPooledDbContextFactory<PgProbeDb>((sp, options) => PgProbeDb.Configure(options, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
            services.AddSingleton<IDbContextFactory<ProbeDbContext>, ProviderDbContextFactory<PgProbeDb>>();
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteProbeDb>((sp, options) => SqliteProbeDb.Configure(options, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
            services.AddSingleton<IDbContextFactory<ProbeDbContext>, ProviderDbContextFactory<SqliteProbeDb>>();
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatabaseCompactor>();
        services.AddOptions<Backups.BackupOptions>().Bind(configuration.GetSection(Backups.BackupOptions.Section));
        services.AddSingleton<Backups.BackupService>();
        services.AddSingleton<MonitorService>();
        services.AddSingleton<MonitorQueries>();
        services.AddSingleton<Settings.SettingsService>();
        services.AddSingleton<AvailabilityQueries>();
        services.AddStatusPages();
        services.AddAuditLog(configuration);
        services.AddCluster(configuration);
        return services;
    }
}
