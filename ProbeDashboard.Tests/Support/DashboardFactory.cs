using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ProbeDashboard.Tests.Support;

/// <summary>
/// The real app on TestServer with its own SQLite file in a temp directory. Settings can be overridden per
/// fixture; the admin password is fixed so tests can sign in.
/// </summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-password-for-tests";
    private readonly TempDirectory? _ownedData;

    /// <summary>A fresh data directory, deleted with the factory.</summary>
    public DashboardFactory()
    {
        _ownedData = new TempDirectory();
        DataDirectory = _ownedData.Path;
    }

    /// <summary>
    /// Runs on an existing data directory, which the factory leaves in place: a second factory on the first
    /// one's directory is the same server restarted.
    /// </summary>
    public DashboardFactory(string dataDirectory) => DataDirectory = dataDirectory;

    public string DataDirectory { get; }

    /// <summary>Extra configuration a fixture sets before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = DataDirectory,
                ["Auth:AdminPassword"] = AdminPassword,
            };
            foreach (var (key, value) in Settings) settings[key] = value;
            config.AddInMemoryCollection(settings);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _ownedData?.Dispose();
    }
}
