using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Auth;
using ProbeDashboard.Core;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Realtime;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Components.Monitors;

/// <summary>
/// A component test over the real Core services and a real database in a temp directory (SQLite, or PostgreSQL in
/// the second pass), signed in as a user of the given role: components read and write through Core as in the app.
/// </summary>
public abstract class CoreComponentTest : ComponentTest, IDisposable
{
    private readonly TempDirectory _data = new();

    protected CoreComponentTest(UserRole role = UserRole.Operator)
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path };
        TestDatabase.AddSettings(settings, _data.Path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Ctx.Services.AddLogging();
        Ctx.Services.AddProbeDashboardCore(configuration);
        Ctx.Services.AddAlerting(configuration);
        Ctx.Services.AddScoped<CircuitActor>();
        Ctx.Services.AddSingleton<CircuitEventHub>();
        Ctx.Services.AddScoped<StatusFeed>();
        Ctx.Services.AddSingleton<ProbeDashboard.Monitors.MonitorListPageCache>();
        var auth = Ctx.AddAuthorization();
        auth.SetAuthorized($"{role}-user".ToLowerInvariant());
        auth.SetClaims([
            new Claim(ClaimTypes.NameIdentifier, ((int)role + 9000).ToString(CultureInfo.InvariantCulture)),
            .. Permissions.For(role).Select(p => new Claim(Permissions.ClaimType, p)),
        ]);
        auth.SetPolicies([.. Permissions.For(role)]);
    }

    protected T Get<T>() where T : notnull => Ctx.Services.GetRequiredService<T>();

    /// <summary>Creates the schema; call before the first render.</summary>
    protected Task MigrateAsync() => Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

    protected ProbeDbContext Db() => Get<IDbContextFactory<ProbeDbContext>>().CreateDbContext();

    /// <summary>xunit disposes the test after the base's async disposal (which disposed the services): the database goes last.</summary>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        TestDatabase.Drop(_data.Path);
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
