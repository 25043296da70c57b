using Microsoft.Extensions.Configuration.Json;
using ProbeDashboard.Operations.Logging;

namespace ProbeDashboard.Operations;

public static class OperationsSetup
{
    /// <summary>
    /// Optional file logging (<see cref="FileLogOptions"/>), and built-in defaults (the embedded appsettings.json: quiet framework log levels) as the lowest-priority
    /// settings, so the single executable behaves the same in any directory; every other source overrides them.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var defaults = typeof(OperationsSetup).Assembly.GetManifestResourceStream("appsettings.json")!;
        builder.Configuration.Sources.Insert(0, new JsonStreamConfigurationSource { Stream = defaults });

        builder.Services.AddOptions<FileLogOptions>().BindConfiguration(FileLogOptions.Section);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{FileLogOptions.Section}:{nameof(FileLogOptions.Path)}"]))
            builder.Logging.Services.AddSingleton<ILoggerProvider, FileLoggerProvider>();
        builder.Services.AddHostedService<StartupMemoryRelease>();
        return builder;
    }
}
