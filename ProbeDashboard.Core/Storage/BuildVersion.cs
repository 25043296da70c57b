using System.Reflection;

namespace ProbeDashboard.Core.Storage;

public static class BuildVersion
{
    /// <summary>
    /// The running build's version, as <c>--version</c> prints it (without the source revision). Read from the Core,
    /// which ships in every build of the product: the entry assembly is a test host under tests (it showed as the
    /// node's version in the Cluster card).
    /// </summary>
    public static string Current { get; } =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";
}
