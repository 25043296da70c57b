using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Results;

namespace ProbeDashboard.Core.Storage;

public class ProbeDbContext(DbContextOptions<ProbeDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    public DbSet<MonitorDefinition> Monitors => Set<MonitorDefinition>();
    public DbSet<ProbeResult> ProbeResults => Set<ProbeResult>();
    public DbSet<AvailabilityBucket> AvailabilityBuckets => Set<AvailabilityBucket>();
    public DbSet<ProbeHost> Hosts => Set<ProbeHost>();
    public DbSet<HostGroup> HostGroups => Set<HostGroup>();
    public DbSet<HostMetricSample> HostMetricSamples => Set<HostMetricSample>();
    public DbSet<AgentToken> AgentTokens => Set<AgentToken>();
    public DbSet<AgentComponent> AgentComponents => Set<AgentComponent>();
    public DbSet<MethodCallReport> MethodCallReports => Set<MethodCallReport>();
    public DbSet<HookProfile> HookProfiles => Set<HookProfile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ProbeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no kind: every DateTime we store is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
