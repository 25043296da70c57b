using ProbeDashboard.Core.Compat.ProbeFlows;

namespace ProbeDashboard.Compat.ProbeFlows;

public static class ProbeFlowsSetup
{
    /// <summary>The probe-flow registry (seed 000); proxy_ip from "ProbeFlows:ProxyIp".</summary>
    public static WebApplicationBuilder AddProbeFlows(this WebApplicationBuilder builder)
    {
        builder.Services.AddProbeFlows(builder.Configuration);
        return builder;
    }
}
