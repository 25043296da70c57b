using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Access;
using ProbeDashboard.Core.Agents;
using ProbeDashboard.Core.Audit;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Compat.IpLive;
using ProbeDashboard.Core.Compat.OpenApi;
using ProbeDashboard.Core.Compat.ProbeFlows;
using ProbeDashboard.Core.ConfigTransfer;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Settings;
using ProbeDashboard.Core.Users;
using ProbeDashboard.Tests.Support;
using F = ProbeDashboard.Tests.Core.Access.AdministrationFixture;

namespace ProbeDashboard.Tests.Core.Access;

/// <summary>
/// One command or query of the administration services: the roles allowed to run it, the audit entries one
/// allowed run leaves (none for a query), and how to make its targets and run it as an actor.
/// </summary>
public sealed record AccessCase(string Name, string[] Allowed, string[] Audits, Func<F, Task<Func<Actor, Task>>> Arrange);

public static class AdministrationAccessCases
{
    private static readonly string[] Read = ["viewer", "operator", "admin"];
    private static readonly string[] Write = ["operator", "admin"];
    private static readonly string[] Admin = ["admin"];
    private static readonly string[] Query = [];

    private static AccessCase Case(string name, string[] allowed, string[] audits, Func<F, Task<Func<Actor, Task>>> arrange) => new(name, allowed, audits, arrange);

    private static AccessCase Case(string name, string[] allowed, string[] audits, Func<F, Actor, Task> act) =>
        new(name, allowed, audits, f => Task.FromResult<Func<Actor, Task>>(actor => act(f, actor)));

    /// <summary>For scoped services (<see cref="UserService"/> shares the Identity store's context).</summary>
    private static async Task Scoped<T>(F f, Func<T, Task> use) where T : notnull
    {
        await using var scope = f.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<T>());
    }

    public static readonly IReadOnlyList<AccessCase> All =
    [
        Case("host.list", Read, Query, (f, a) => f.Get<HostService>().ListAsync(a, new HostFilter(), default)),
        Case("host.get", Read, Query, (f, a) => f.Get<HostService>().GetAsync(a, 1, default)),
        Case("host.metrics", Read, Query, (f, a) => f.Get<HostService>().MetricsAsync(a, 1, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow, 10, default)),
        Case("host.components", Read, Query, (f, a) => f.Get<HostService>().ComponentsAsync(a, 1, 0, 10, default)),
        Case("host.method_calls", Read, Query, (f, a) => f.Get<HostService>().MethodCallsAsync(a, 1, null, 0, 10, default)),
        Case("host.method_call", Read, Query, (f, a) => f.Get<HostService>().MethodCallAsync(a, 1, 1, default)),
        Case("host.stop", Write, [AuditActions.HostCommand], async f =>
        {
            var host = await f.AddAgentHostAsync();
            return a => f.Get<HostService>().SetCommandAsync(a, host.Id, AgentCommand.Stop, default);
        }),
        Case("host.delete", Admin, [AuditActions.HostDelete], async f =>
        {
            var host = await f.AddAgentHostAsync();
            return a => f.Get<HostService>().DeleteAsync(a, host.Id, default);
        }),
        Case("host_group.list", Read, Query, (f, a) => f.Get<HostGroupService>().ListAsync(a, default)),
        Case("host_group.create", Write, [AuditActions.HostGroupCreate], (f, a) => f.Get<HostGroupService>().CreateAsync(a, f.Unique("group"), default)),
        Case("host_group.rename", Write, [AuditActions.HostGroupRename], async f =>
        {
            var group = (await f.Get<HostGroupService>().CreateAsync(Actor.System, f.Unique("group"), default)).Group!;
            return a => f.Get<HostGroupService>().RenameAsync(a, group.Id, f.Unique("renamed"), default);
        }),
        Case("host_group.delete", Write, [AuditActions.HostGroupDelete], async f =>
        {
            var group = (await f.Get<HostGroupService>().CreateAsync(Actor.System, f.Unique("group"), default)).Group!;
            return a => f.Get<HostGroupService>().DeleteAsync(a, group.Id, default);
        }),
        Case("host.assign_group", Write, [AuditActions.HostAssignGroup], async f =>
        {
            var host = await f.AddAgentHostAsync();
            var group = (await f.Get<HostGroupService>().CreateAsync(Actor.System, f.Unique("group"), default)).Group!;
            return a => f.Get<HostGroupService>().AssignAsync(a, host.Id, group.Id, default);
        }),
        Case("agent_token.list", Admin, Query, (f, a) => f.Get<AgentTokenService>().ListAsync(a, default)),
        Case("agent_token.create", Admin, [AuditActions.AgentTokenCreate], (f, a) => f.Get<AgentTokenService>().CreateAsync(a, f.Unique("token"), default)),
        Case("agent_token.revoke", Admin, [AuditActions.AgentTokenRevoke], async f =>
        {
            var (token, _) = (await f.Get<AgentTokenService>().CreateAsync(Actor.System, f.Unique("token"), default))!.Value;
            return a => f.Get<AgentTokenService>().RevokeAsync(a, token.Id, default);
        }),
        Case("profile.list", Admin, Query, (f, a) => f.Get<ProfileService>().ListAsync(a, null, default)),
        Case("profile.create", Admin, [AuditActions.ProfileCreate], (f, a) => f.Get<ProfileService>().CreateAsync(a, Profile(f.Unique("p")), default)),
        Case("profile.update", Admin, [AuditActions.ProfileUpdate], async f =>
        {
            var profile = (await f.Get<ProfileService>().CreateAsync(Actor.System, Profile(f.Unique("p")), default)).Profile!;
            return a => f.Get<ProfileService>().UpdateAsync(a, profile.Id, Profile(f.Unique("changed")), default);
        }),
        Case("profile.delete", Admin, [AuditActions.ProfileDelete], async f =>
        {
            var profile = (await f.Get<ProfileService>().CreateAsync(Actor.System, Profile(f.Unique("p")), default)).Profile!;
            return a => f.Get<ProfileService>().DeleteAsync(a, profile.Id, default);
        }),
        Case("settings.retention.get", Admin, Query, (f, a) => f.Get<SettingsService>().GetRetentionAsync(a, default)),
        Case("settings.retention.save", Admin, [AuditActions.RetentionChange], (f, a) => f.Get<SettingsService>().SaveRetentionAsync(a, 7, 90, default)),
        Case("settings.egress", Read, Query, (f, a) => Task.FromResult(f.Get<SettingsService>().GetEgress(a))),
        Case("database.size", Admin, Query, (f, a) => f.Get<SettingsService>().GetDatabaseSizeAsync(a, default)),
        Case("database.compact", Admin, [AuditActions.DatabaseCompact], (f, a) => f.Get<SettingsService>().CompactDatabaseAsync(a, default)),
        // Making a backup is SQLite-only (PostgreSQL refuses it): its 403 and audit entry are tested in BackupsApiTests.
        Case("backup.list", Admin, Query, (f, a) => Task.FromResult(f.Get<ProbeDashboard.Core.Backups.BackupService>().List(a))),
        Case("backup.open", Admin, Query, (f, a) => Task.FromResult(f.Get<ProbeDashboard.Core.Backups.BackupService>().Open(a, "probedashboard-20261206-000000.db"))),
        Case("user.list", Admin, Query, (f, a) => Scoped<UserService>(f, users => users.ListAsync(a, default))),
        Case("user.find", Admin, Query, (f, a) => Scoped<UserService>(f, users => users.FindAsync(a, 1, default))),
        Case("user.create", Admin, [AuditActions.UserCreate], (f, a) => Scoped<UserService>(f, users => users.CreateAsync(a, f.Unique("user"), "long-enough-password", UserRole.Viewer))),
        Case("user.role", Admin, [AuditActions.UserChange], async f =>
        {
            var user = await f.CreateUserAsync(UserRole.Viewer, f.Unique("user"));
            return a => Scoped<UserService>(f, users => users.SetRoleAsync(a, user.Id, UserRole.Operator));
        }),
        Case("user.disable", Admin, [AuditActions.UserChange], async f =>
        {
            var user = await f.CreateUserAsync(UserRole.Viewer, f.Unique("user"));
            return a => Scoped<UserService>(f, users => users.SetEnabledAsync(a, user.Id, false));
        }),
        Case("user.password", Admin, [AuditActions.UserChange], async f =>
        {
            var user = await f.CreateUserAsync(UserRole.Viewer, f.Unique("user"));
            return a => Scoped<UserService>(f, users => users.ResetPasswordAsync(a, user.Id, "another-long-password"));
        }),
        Case("openapi_client.list", Admin, Query, (f, a) => f.Get<OpenApiClientService>().ListAsync(a, default)),
        Case("openapi_client.create", Admin, [AuditActions.ApiKeyCreate], (f, a) => f.Get<OpenApiClientService>().CreateAsync(a, f.Unique("client"), false, 5, default)),
        Case("openapi_client.revoke", Admin, [AuditActions.ApiKeyRevoke], async f =>
        {
            var (client, _) = (await f.Get<OpenApiClientService>().CreateAsync(Actor.System, f.Unique("client"), false, 5, default))!.Value;
            return a => f.Get<OpenApiClientService>().RevokeAsync(a, client.Id, default);
        }),
        Case("iplive_app.list", Admin, Query, (f, a) => f.Get<IpLiveApps>().ListAsync(a, default)),
        Case("iplive_app.create", Admin, [AuditActions.IpLiveAppCreate], (f, a) => f.Get<IpLiveApps>().CreateAsync(a, f.Unique("app"), null, default)),
        Case("iplive_app.callback", Admin, [AuditActions.IpLiveAppUpdate], async f =>
        {
            var (app, _) = (await f.Get<IpLiveApps>().CreateAsync(Actor.System, f.Unique("app"), null, default))!.Value;
            return a => f.Get<IpLiveApps>().SetCallbackAsync(a, app.Id, "http://127.0.0.1:9/cb", default);
        }),
        Case("iplive_app.delete", Admin, [AuditActions.IpLiveAppDelete], async f =>
        {
            var (app, _) = (await f.Get<IpLiveApps>().CreateAsync(Actor.System, f.Unique("app"), null, default))!.Value;
            return a => f.Get<IpLiveApps>().DeleteAsync(a, app.Id, default);
        }),
        Case("probe_flow.list", Read, Query, (f, a) => f.Get<ProbeFlowService>().ListAsync(a, null, null, default)),
        Case("probe_flow.create", Write, [AuditActions.ProbeFlowCreate], async f =>
        {
            var host = await f.AddAgentHostAsync(vm: true);
            return a => f.Get<ProbeFlowService>().CreateAsync(a, host.VmInstanceId, default);
        }),
        Case("probe_flow.delete", Write, [AuditActions.ProbeFlowDelete], async f =>
        {
            var host = await f.AddAgentHostAsync(vm: true);
            await f.Get<ProbeFlowService>().CreateAsync(Actor.System, host.VmInstanceId, default);
            return a => f.Get<ProbeFlowService>().DeleteAsync(a, host.VmInstanceId!, default);
        }),
        Case("config.export", Admin, Query, (f, a) => f.Get<ConfigTransferService>().ExportAsync(a, includeSecrets: false, default)),
        Case("config.import", Admin, [AuditActions.HostGroupCreate, AuditActions.ConfigImport],
            (f, a) => f.Get<ConfigTransferService>().ImportAsync(a, ImportDocument(f.Unique("imported")), dryRun: false, default)),
        Case("config.import_dry_run", Admin, Query,
            (f, a) => f.Get<ConfigTransferService>().ImportAsync(a, ImportDocument(f.Unique("dry")), dryRun: true, default)),
    ];

    public static AccessCase Named(string name) => All.Single(c => c.Name == name);

    /// <summary>Every case as every role, by name (xunit shows and re-runs them one by one).</summary>
    public static IEnumerable<object[]> Table() =>
        from c in All from role in TestActors.Roles() select new object[] { c.Name, role[0] };

    public static ProfileInput Profile(string value) => new("JAVA", 2, 1, value, []);

    public static JsonObject ImportDocument(string groupName) => new()
    {
        ["format"] = ConfigTransferService.Format,
        ["version"] = ConfigTransferService.Version,
        ["host_groups"] = new JsonArray(new JsonObject { ["name"] = groupName }),
    };
}
