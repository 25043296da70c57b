using Microsoft.Extensions.Configuration.Json;

namespace ProbeDashboard.Operations;

public static class OperationsSetup
{
    /// <summary>
    /// Built-in defaults (the embedded appsettings.json: quiet framework log levels) as the lowest-priority
    /// settings, so the single executable behaves the same in any directory; every other source overrides them.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var defaults = typeof(OperationsSetup).Assembly.GetManifestResourceStream("appsettings.json")!;
        builder.Configuration.Sources.Insert(0, new JsonStreamConfigurationSource { Stream = defaults });
        return builder;
    }
}
