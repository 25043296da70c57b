using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using ProbeDashboard.Core.Agents.Protocol;

namespace ProbeDashboard.Core.Agents.Runtime;

/// <summary>How this agent describes itself to the server (seed 003 registration).</summary>
public static class AgentIdentity
{
    public const string Language = "DOTNET";

    public static string Version => Storage.BuildVersion.Current;

    /// <summary>
    /// Seed 003's rule: osName-hostname-version-uniqueId. The unique id is created once and kept in the data
    /// directory, so a restarted agent re-registers under the same name and keeps its host id.
    /// </summary>
    public static string DefaultName(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var idFile = Path.Combine(dataDirectory, "agent-id");
        if (!File.Exists(idFile)) File.WriteAllText(idFile, Guid.NewGuid().ToString("N")[..8]);
        return $"linux-{Dns.GetHostName()}-{Version}-{File.ReadAllText(idFile).Trim()}";
    }

    public static RegisterRequest Registration(AgentOptions options) => new()
    {
        Name = options.Name,
        Language = Language,
        Version = Version,
        ProjectName = "ProbeDashboard agent",
        Hostname = Dns.GetHostName(),
        Network = string.Join(",", Addresses()),
        ContainerName = "probedashboard-agent",
        ContainerVersion = Version,
        ServerAddr = Addresses().FirstOrDefault() ?? Dns.GetHostName(),
        // A probe agent serves nothing; the seed requires these fields, so they describe the agent process.
        ServerPort = "0",
        ServerPath = "/",
        // Never the real environment: it may hold secrets. The seed only requires Base64 text.
        ServerEnv = Convert.ToBase64String(Encoding.UTF8.GetBytes($"role=probe-agent;os={Environment.OSVersion}")),
        Pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        VmInstanceId = options.VmInstanceId,
        Mac = options.Mac,
        NetworkPortId = options.NetworkPortId,
        HypervisorNode = options.HypervisorNode,
        IsVm = options.IsVm,
        IndependentNetwork = options.IndependentNetwork,
        HeartbeatInterval = options.HeartbeatSeconds,
    };

    /// <summary>The machine's IPv4 addresses that are up, loopback last.</summary>
    private static IEnumerable<string> Addresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .OrderBy(n => n.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
            .Select(a => a.Address.ToString())
            .Distinct();
}
