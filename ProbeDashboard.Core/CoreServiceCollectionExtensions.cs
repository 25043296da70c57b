using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Events;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Probing;
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
        services.TryAddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<EventBus>();
        services.AddSingleton<EventBusMetrics>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<ProbingOptions>().Bind(configuration.GetSection(ProbingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddDbContextFactory<ProbeDbContext>((sp, options) => ConfigureSqlite(options, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatabaseCompactor>();
        services.AddSingleton<MonitorService>();
        services.AddSingleton<AvailabilityQueries>();
        services.AddAuditLog(configuration);
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, StorageOptions storage)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(storage.DatabasePath)!);
        options.UseSqlite($"Data Source={storage.DatabasePath};Cache=Private;Pooling=True")
            .AddInterceptors(new SqlitePragmaInterceptor())
            // Migrations are written by hand (the EF design-time package is not available here), so there
            // is no model snapshot to compare with; MigrationSchemaTests guards against drift instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
