using System.Globalization;
using Microsoft.Extensions.Logging.Console;
using ProbeDashboard.Core.Agents.Runtime;
using ProbeDashboard.Core.Probing;

namespace ProbeDashboard.Agents;

/// <summary>
/// <c>ProbeDashboard agent --server URL --token T [--name N] [--data-dir D] [--heartbeat S] [--tasks-refresh S]
/// [--spool-capacity N] [--vm-instance-id ID --mac M --network-port-id P --hypervisor-node H --vm --independent-network]</c>:
/// the same binary as a remote probe agent. The token may come from PROBEDASHBOARD_AGENT_TOKEN instead, which keeps it
/// out of the process list.
/// </summary>
public static class AgentMode
{
    public const string Verb = "agent";
    public const string TokenVariable = "PROBEDASHBOARD_AGENT_TOKEN";
    private const int UsageExitCode = 64;

    public static bool IsAgent(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <returns>The process exit code: 0 after a normal stop, 2 for a rejected token, 64 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync($"{problem}\nusage: ProbeDashboard agent --server URL --token T [--name N] [--data-dir D] [--heartbeat SECONDS]");
            return UsageExitCode;
        }
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddProbes();
        services.AddSingleton(new ResultSpool(Path.Combine(options.DataDirectory, "spool"), options.SpoolCapacity));
        services.AddSingleton(new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        services.AddSingleton<AgentApi>();
        services.AddSingleton<AgentSession>();
        services.AddSingleton<AgentProber>();
        services.AddSingleton<AgentUploader>();
        services.AddHostedService<AgentRuntime>();

        using var host = builder.Build();
        try
        {
            // The agent's own Probing:TrustedCaFile, read now: a file that cannot be used must stop it, not fail every probe.
            host.Services.GetRequiredService<ProbeDashboard.Core.Probing.TlsTrust>();
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return UsageExitCode;
        }
        await host.RunAsync();
        return Environment.ExitCode;
    }

    public static bool TryParse(string[] args, out AgentOptions options, out string problem)
    {
        options = null!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--vm" or "--independent-network") flags.Add(arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[arg] = args[++i];
            else
            {
                problem = $"unexpected argument '{arg}'";
                return false;
            }
        }
        var token = values.GetValueOrDefault("--token") ?? Environment.GetEnvironmentVariable(TokenVariable);
        if (!values.TryGetValue("--server", out var server) || !Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var serverUri)
            || serverUri.Scheme is not ("http" or "https"))
        {
            problem = "--server must be the server's http(s) URL";
            return false;
        }
        if (string.IsNullOrWhiteSpace(token))
        {
            problem = $"--token (or {TokenVariable}) is required";
            return false;
        }
        if (!Seconds(values, "--heartbeat", 5, out var heartbeat) || !Seconds(values, "--tasks-refresh", 5, out var refresh)
            || !Seconds(values, "--spool-capacity", 200_000, out var capacity))
        {
            problem = "--heartbeat, --tasks-refresh and --spool-capacity take positive whole numbers";
            return false;
        }
        var dataDirectory = Path.GetFullPath(values.GetValueOrDefault("--data-dir") ?? "agent-data");
        options = new AgentOptions
        {
            Server = serverUri,
            Token = token.Trim(),
            DataDirectory = dataDirectory,
            Name = values.GetValueOrDefault("--name") ?? AgentIdentity.DefaultName(dataDirectory),
            HeartbeatSeconds = heartbeat,
            TaskRefreshSeconds = refresh,
            SpoolCapacity = capacity,
            VmInstanceId = values.GetValueOrDefault("--vm-instance-id"),
            Mac = values.GetValueOrDefault("--mac"),
            NetworkPortId = values.GetValueOrDefault("--network-port-id"),
            HypervisorNode = values.GetValueOrDefault("--hypervisor-node"),
            IsVm = flags.Contains("--vm"),
            IndependentNetwork = flags.Contains("--independent-network"),
        };
        problem = "";
        return true;
    }

    private static bool Seconds(Dictionary<string, string> values, string name, int fallback, out int value)
    {
        value = fallback;
        return !values.TryGetValue(name, out var text)
               || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0);
    }
}
