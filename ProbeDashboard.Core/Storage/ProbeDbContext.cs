using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Availability;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Compat.IpLive;
using ProbeDashboard.Core.Compat.ProbeFlows;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Core.Results;
using ProbeDashboard.Core.StatusPages;

namespace ProbeDashboard.Core.Storage;

/// <summary>
/// The model, shared by every database provider. Each provider is a subclass (<see cref="SqliteProbeDb"/>) with its
/// own migrations, because the SQL differs; callers use this type and never name the provider.
/// </summary>
public abstract class ProbeDbContext(DbContextOptions options)
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
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();
    public DbSet<AlertEventSample> AlertEventSamples => Set<AlertEventSample>();
    public DbSet<NotificationGroup> NotificationGroups => Set<NotificationGroup>();
    public DbSet<NotificationRecipient> NotificationRecipients => Set<NotificationRecipient>();
    public DbSet<NotificationOutboxEntry> NotificationOutbox => Set<NotificationOutboxEntry>();
    public DbSet<Alerts.Escalation.EscalationPolicy> EscalationPolicies => Set<Alerts.Escalation.EscalationPolicy>();
    public DbSet<Alerts.Escalation.EscalationNotice> EscalationNotices => Set<Alerts.Escalation.EscalationNotice>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<IpLiveApp> IpLiveApps => Set<IpLiveApp>();
    public DbSet<IpLiveGroup> IpLiveGroups => Set<IpLiveGroup>();
    public DbSet<IpLiveRecord> IpLiveRecords => Set<IpLiveRecord>();
    public DbSet<IpLiveNode> IpLiveNodes => Set<IpLiveNode>();
    public DbSet<ProbeFlow> ProbeFlows => Set<ProbeFlow>();
    public DbSet<StatusPage> StatusPages => Set<StatusPage>();
    public DbSet<StatusPageSection> StatusPageSections => Set<StatusPageSection>();
    public DbSet<Maintenance.MaintenanceWindow> MaintenanceWindows => Set<Maintenance.MaintenanceWindow>();
    public DbSet<StatusPages.Incidents.Incident> StatusPageIncidents => Set<StatusPages.Incidents.Incident>();
    public DbSet<StatusPages.Subscriptions.StatusPageSubscriber> StatusPageSubscribers => Set<StatusPages.Subscriptions.StatusPageSubscriber>();

    public DbSet<OpenApiClient> OpenApiClients => Set<OpenApiClient>();
    public DbSet<OpenApiUser> OpenApiUsers => Set<OpenApiUser>();
    public DbSet<OpenApiTask> OpenApiTasks => Set<OpenApiTask>();
    public DbSet<OpenApiAlertGroup> OpenApiAlertGroups => Set<OpenApiAlertGroup>();

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
