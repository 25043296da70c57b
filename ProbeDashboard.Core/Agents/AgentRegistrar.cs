using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProbeDashboard.Core.Agents.Protocol;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;

namespace ProbeDashboard.Core.Agents;

public sealed record RegistrationResult(int? HostId, IReadOnlyDictionary<string, string[]> Errors, bool Conflict = false);

/// <summary>
/// Seed 003 registration: every agent becomes a host. Registering the same name again returns the same id and
/// replaces the agent's details, keeping what operators set (group, start/stop).
/// </summary>
public sealed class AgentRegistrar(
    IDbContextFactory<ProbeDbContext> dbFactory, HostLiveness liveness, IOptions<HostOptions> options, TimeProvider time)
{
    /// <summary>The seed's languages, and DOTNET for this product's own agent mode.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "JAVA", "PYTHON", "PHP", "GO", "DOTNET" };

    public async Task<RegistrationResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var errors = Validate(request).ToDictionary();
        if (errors.Count > 0) return new RegistrationResult(null, errors);

        var name = request.Name!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var host = await db.Hosts.SingleOrDefaultAsync(h => h.Name == name, cancellationToken);
        if (host is { IsAgent: false })
            return new RegistrationResult(null, new Dictionary<string, string[]>
            {
                ["name"] = [host.IsServer ? "is the server's own host name" : "is a cluster node's host name"],
            }, Conflict: true);

        var now = time.GetUtcNow().UtcDateTime;
        if (host is null)
        {
            host = new ProbeHost { Name = name, CreatedAt = now };
            db.Hosts.Add(host);
        }
        host.Hostname = request.Hostname!.Trim();
        host.Agent = Details(request);
        host.VmInstanceId = string.IsNullOrWhiteSpace(request.VmInstanceId) ? null : request.VmInstanceId.Trim();
        host.HeartbeatSeconds = request.HeartbeatInterval ?? options.Value.DefaultHeartbeatSeconds;
        var cameOnline = liveness.MarkSeen(host, now);
        await db.SaveChangesAsync(cancellationToken);
        if (cameOnline) liveness.PublishOnline(host);
        return new RegistrationResult(host.Id, new Dictionary<string, string[]>());
    }

    private static ValidationErrors Validate(RegisterRequest r)
    {
        var errors = new ValidationErrors();
        Required(errors, "name", r.Name, 200);
        Required(errors, "version", r.Version, 50);
        Required(errors, "hostname", r.Hostname, 255);
        Required(errors, "serverAddr", r.ServerAddr, 255);
        Required(errors, "serverPort", r.ServerPort, 20);
        Required(errors, "serverEnv", r.ServerEnv, 64 * 1024);
        if (string.IsNullOrWhiteSpace(r.Language)) errors.Add("language", "is required");
        else if (!Languages.Contains(r.Language.Trim().ToUpperInvariant())) errors.Add("language", $"must be one of {string.Join(", ", Languages)}");
        if (!string.IsNullOrWhiteSpace(r.ServerEnv) && !IsBase64(r.ServerEnv.Trim())) errors.Add("serverEnv", "must be Base64");
        if (r.VmInstanceId?.Trim().Length > 64) errors.Add("vmInstanceId", "must be at most 64 characters");
        if (r.HeartbeatInterval is < 1 or > 3600) errors.Add("heartbeatInterval", "must be between 1 and 3600 seconds");
        foreach (var (field, value) in new[] { ("projectName", r.ProjectName), ("network", r.Network), ("containerName", r.ContainerName),
                     ("containerVersion", r.ContainerVersion), ("serverPath", r.ServerPath), ("pid", r.Pid),
                     ("mac", r.Mac), ("networkPortId", r.NetworkPortId), ("hypervisorNode", r.HypervisorNode) })
            if (value?.Length > 1000) errors.Add(field, "must be at most 1000 characters");
        return errors;
    }

    private static void Required(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "is required");
        else if (value.Trim().Length > maxLength) errors.Add(field, $"must be at most {maxLength} characters");
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static AgentDetails Details(RegisterRequest r) => new()
    {
        Language = r.Language!.Trim().ToUpperInvariant(),
        Version = r.Version!.Trim(),
        ProjectName = r.ProjectName,
        Network = r.Network,
        ContainerName = r.ContainerName,
        ContainerVersion = r.ContainerVersion,
        ServerAddr = r.ServerAddr!.Trim(),
        ServerPort = r.ServerPort!.Trim(),
        ServerPath = r.ServerPath,
        ServerEnv = r.ServerEnv!.Trim(),
        Pid = r.Pid,
        Mac = r.Mac,
        NetworkPortId = r.NetworkPortId,
        HypervisorNode = r.HypervisorNode,
        IsVm = r.IsVm ?? false,
        IndependentNetwork = r.IndependentNetwork ?? false,
    };
}
