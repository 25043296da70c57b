using ProbeDashboard.Core.Agents;
using ProbeDashboard.Hosts;

namespace ProbeDashboard.Agents;

public static class AgentsSetup
{
    /// <summary>Agent tokens, registration, heartbeats and reports, host liveness and the server's own metrics.</summary>
    public static WebApplicationBuilder AddAgents(this WebApplicationBuilder builder)
    {
        builder.Services.AddAgentsAndHosts(builder.Configuration);
        return builder;
    }

    /// <summary>Seed 003's agent paths and the hosts, host-group, agent-token and profile administration.</summary>
    public static void MapAgentsApi(this WebApplication app)
    {
        app.MapAgentProtocolApi();
        app.MapProfilesApi();
        app.MapAgentTokensApi();
        app.MapHostsApi();
        app.MapHostGroupsApi();
    }
}
