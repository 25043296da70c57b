using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>A real app (SQLite file) whose Core services the access tables call, with helpers to make targets.</summary>
public sealed class AdministrationFixture : DashboardFactory
{
    private int _sequence;

    public AdministrationFixture() => Settings["ProbeFlows:ProxyIp"] = "10.0.0.9";

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A name no earlier call returned, so every case has its own targets in the shared database.</summary>
    public string Unique(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}";

    /// <summary>An agent host as registration would leave it; a VM on an independent network when <paramref name="vm"/>.</summary>
    public Task<ProbeHost> AddAgentHostAsync(bool vm = false) => WithDbAsync(async db =>
    {
        var name = Unique("agent");
        var host = new ProbeHost
        {
            Name = name, Hostname = name + ".test", CreatedAt = DateTime.UtcNow, VmInstanceId = vm ? name : null,
            Agent = new AgentDetails { IsVm = vm, IndependentNetwork = vm, Network = "10.1.2.3" },
        };
        db.Hosts.Add(host);
        await db.SaveChangesAsync();
        return host;
    });

    /// <summary>
    /// Everything the administration services change, as text: equal before and after a refused command means the
    /// command changed nothing.
    /// </summary>
    public Task<string> FingerprintAsync() => WithDbAsync(async db => string.Join("\n",
        string.Join(",", await db.Hosts.OrderBy(h => h.Id).Select(h => $"{h.Id}:{h.GroupId}:{h.Command}").ToListAsync()),
        string.Join(",", await db.HostGroups.OrderBy(g => g.Id).Select(g => $"{g.Id}:{g.Name}").ToListAsync()),
        string.Join(",", await db.HookProfiles.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Type}:{p.Value}").ToListAsync()),
        string.Join(",", await db.AgentTokens.OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.RevokedAt != null}").ToListAsync()),
        string.Join(",", await db.OpenApiClients.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.RevokedAt != null}").ToListAsync()),
        string.Join(",", await db.OpenApiUsers.OrderBy(u => u.Id).Select(u => u.Email).ToListAsync()),
        string.Join(",", await db.IpLiveApps.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.CallbackUrl}").ToListAsync()),
        string.Join(",", await db.ProbeFlows.OrderBy(f => f.InstanceId).Select(f => f.InstanceId).ToListAsync()),
        string.Join(",", await db.SystemSettings.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}").ToListAsync()),
        string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.Role}:{u.Disabled}:{u.PasswordHash}").ToListAsync())));

    public async Task<long> LastAuditIdAsync() => await WithDbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)) ?? 0;
}
