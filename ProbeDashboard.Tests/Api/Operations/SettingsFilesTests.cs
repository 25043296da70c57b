using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Api.Operations;

public class SettingsFilesTests
{
    /// <summary>
    /// Watching appsettings.json for changes watches the whole working directory below it; with the data directory
    /// there (./data by default) every SQLite write woke the watcher thread: ~2 % of the server's CPU while creating
    /// monitors. The README and deploy.md say settings are read at start.
    /// </summary>
    [Fact]
    public void Settings_files_are_read_once_at_start_and_not_watched()
    {
        using var factory = new DashboardFactory();
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();

        // The test host's own file (ProbeDashboard.settings.json, WebApplicationFactory's) is not the product's.
        var files = configuration.Providers.OfType<JsonConfigurationProvider>().Select(p => p.Source)
            .Where(s => s.Path?.StartsWith("appsettings", StringComparison.Ordinal) == true).ToList();

        Assert.Contains(files, f => f.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.ReloadOnChange, $"{f.Path} is watched for changes"));
    }
}
