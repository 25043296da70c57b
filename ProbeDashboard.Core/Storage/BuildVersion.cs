using System.Reflection;

namespace ProbeDashboard.Core.Storage;

public static class BuildVersion
{
    /// <summary>The running build's version, as <c>--version</c> prints it (without the source revision).</summary>
    public static string Current { get; } =
        (Assembly.GetEntryAssembly() ?? typeof(BuildVersion).Assembly)
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
