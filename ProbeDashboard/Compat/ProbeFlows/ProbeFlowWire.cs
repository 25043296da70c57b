using System.Text.Json;
using System.Text.Json.Serialization;
using ProbeDashboard.Core.Compat.ProbeFlows;

namespace ProbeDashboard.Compat.ProbeFlows;

/// <summary>A flow as seed 000's create answer names it: the hypervisor node is <c>host</c>.</summary>
public sealed record CreatedProbeFlowResponse(
    string Id, string InstanceId, string InstanceName, string InstanceIp, string InstanceMac, string InstancePort, string Host, string ProxyIp)
{
    public static CreatedProbeFlowResponse From(ProbeFlow f) =>
        new(f.Id, f.InstanceId, f.InstanceName, f.InstanceIp, f.InstanceMac, f.InstancePort, f.PhyNode, f.ProxyIp);
}

/// <summary>A flow as seed 000's list and its table (section 3) name it: the hypervisor node is <c>phy_node</c>.</summary>
public sealed record ProbeFlowResponse(
    string Id, string InstanceId, string InstanceName, string InstanceIp, string InstanceMac, string InstancePort, string PhyNode, string ProxyIp)
{
    public static ProbeFlowResponse From(ProbeFlow f) =>
        new(f.Id, f.InstanceId, f.InstanceName, f.InstanceIp, f.InstanceMac, f.InstancePort, f.PhyNode, f.ProxyIp);
}

/// <summary>
/// Seed 000 gives only "true" and "false" as response codes: every answer carries <c>success</c>, data on success and
/// <c>message</c> on failure, with the matching HTTP status.
/// </summary>
internal static class ProbeFlowResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record Answer(bool Success, object? Data = null, string? Message = null);

    public static IResult Ok(object? data = null) => Results.Json(new Answer(true, data), Json);

    public static IResult Error(int status, string message) => Results.Json(new Answer(false, Message: message), Json, statusCode: status);
}
