using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The real app on TestServer with its own SQLite file in a temp directory. Settings can be overridden per
/// fixture; the admin password is fixed so tests can sign in.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-for-tests";
    private readonly TempDirectory _data = new();

    public string DataDirectory => _data.Path;

    /// <summary>Extra configuration a fixture sets before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = _data.Path,
                ["Auth:AdminPassword"] = AdminPassword,
                // API tests drive probes themselves; a running scheduler would probe whatever targets they create.
                ["Probing:SchedulerEnabled"] = "false",
            };
            foreach (var (key, value) in Settings) settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
    }

    /// <summary>
    /// One host build at a time across the test run: WebApplicationFactory finds the app's host by listening to
    /// process-wide hosting events, so two factories building in parallel can each catch the other's host
    /// (and its settings, e.g. a scheduler that should have been off).
    /// </summary>
    private static readonly Lock HostBuildLock = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostBuildLock) return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _data.Dispose();
    }
}
