using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;
using ProbeDashboard.Core.Cluster;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Operations.Listening;

namespace ProbeDashboard.Cluster;

/// <summary>
/// Before anything touches the database: the cluster settings must fit together, and PostgreSQL (and Redis, in a
/// cluster) must answer. Each failure is one line on stderr and an exit code (69, EX_UNAVAILABLE, for a service that
/// does not answer; 78, EX_CONFIG, for settings that contradict each other), instead of a stack trace per retry.
/// </summary>
public static class ClusterStartup
{
    /// <summary>EX_CONFIG from sysexits.h.</summary>
    public const int ExitConfig = 78;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static async Task<bool> CheckClusterBackendsAsync(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var cluster = app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        if (cluster.Validate(storage) is { } invalid) return await RefuseAsync(invalid, ExitConfig);
        if (storage.Provider == StorageProvider.PostgreSQL && await PostgresProblemAsync(storage.ConnectionString!) is { } pg)
            return await RefuseAsync(pg, ListenAddressCheck.ExitUnavailable);
        if (ClusterOptions.IsEnabled(storage, cluster))
        {
            var redis = app.Services.GetRequiredService<ClusterRedis>();
            if (await redis.ConnectAsync(cluster.Redis!, ConnectTimeout) is { } problem)
                return await RefuseAsync(problem, ListenAddressCheck.ExitUnavailable);
            app.Lifetime.ApplicationStopped.Register(redis.Dispose);
        }
        var membership = app.Services.GetRequiredService<ClusterMembership>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (membership.Address.Length > 0) return;
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            membership.Address = bound?.FirstOrDefault() ?? "";
        });
        return true;
    }

    /// <returns>Why PostgreSQL cannot be used, in one line, or null when a connection opens.</returns>
    private static async Task<string?> PostgresProblemAsync(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)ConnectTimeout.TotalSeconds };
        }
        catch (ArgumentException e)
        {
            return $"Storage:ConnectionString is not a valid PostgreSQL connection string: {e.Message}";
        }
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            return $"Cannot connect to PostgreSQL at {builder.Host}:{builder.Port} (database {builder.Database}): {e.Message}";
        }
    }

    private static async Task<bool> RefuseAsync(string message, int exitCode)
    {
        await Console.Error.WriteLineAsync("Refusing to start: " + message);
        Environment.ExitCode = exitCode;
        return false;
    }
}
