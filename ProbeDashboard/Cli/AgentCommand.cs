using System.CommandLine;
using ProbeDashboard.Agents;

namespace ProbeDashboard.Cli;

/// <summary>
/// <c>ProbeDashboard agent</c>: the same binary as a remote probe agent. The options are declared here for help and
/// syntax; <see cref="AgentMode"/> reads them.
/// </summary>
public static class AgentCommand
{
    public static Command Create()
    {
        var command = new Command(AgentMode.Verb, "Run as a remote probe agent that reports to a server.");
        Add("--server", "URL", "The server's http(s) URL (required)");
        Add("--token", "TOKEN", $"Agent token from Settings > Agent tokens (required) [env: {AgentMode.TokenVariable}; prefer it, a token on the command line shows in the process list]");
        Add("--name", "NAME", "Name shown for this host (default: a name derived from the machine and data directory)");
        Add("--data-dir", "DIR", "Directory for the agent's identity and result spool (default: ./agent-data)");
        Add("--heartbeat", "SECONDS", "Seconds between heartbeats (default: 5)");
        Add("--tasks-refresh", "SECONDS", "Seconds between pulls of the assigned monitors (default: 5)");
        Add("--spool-capacity", "N", "Results kept while the server is unreachable (default: 200000)");
        Add("--vm-instance-id", "ID", "VM instance id reported at registration");
        Add("--mac", "MAC", "MAC address reported at registration");
        Add("--network-port-id", "ID", "Network port id reported at registration");
        Add("--hypervisor-node", "NODE", "Hypervisor node reported at registration");
        command.Options.Add(new Option<bool>("--vm") { Description = "This agent runs in a VM" });
        command.Options.Add(new Option<bool>("--independent-network") { Description = "The VM has its own network" });
        command.SetAction((parse, _) => AgentMode.RunAsync([.. parse.Tokens.Select(t => t.Value)]));
        return command;

        void Add(string name, string helpName, string description) =>
            command.Options.Add(new Option<string>(name) { Description = description, HelpName = helpName });
    }
}
