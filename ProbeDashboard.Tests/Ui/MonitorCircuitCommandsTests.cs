using ProbeDashboard.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Hosts;
using ProbeDashboard.Core.Monitors;
using ProbeDashboard.Core.Storage;
using ProbeDashboard.Auth;
using ProbeDashboard.Monitors;
using ProbeDashboard.Ui;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui;

/// <summary>
/// The UI hides buttons from viewers, but a circuit is only a channel: the server must refuse on its own.
/// These call Core's MonitorService the way a component does: with the circuit's actor, through CommandOutcome.
/// </summary>
public class MonitorCircuitCommandsTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _factory;

    public MonitorCircuitCommandsTests(DashboardFactory factory) => _factory = factory;

    [Fact]
    public async Task Viewer_changes_are_refused_by_the_server_and_nothing_changes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await CreateMonitorAsync("refused", cts.Token);
        using var scope = await _factory.CircuitScopeAsync("viewer-cmd", UserRole.Viewer);
        var commands = new CircuitCommands(scope);

        Assert.False(await commands.Circuit.CanAsync(Permissions.ServiceMonitorsWrite));
        var outcomes = new[]
        {
            await commands.SetEnabledAsync(id, false, cts.Token),
            await commands.UpdateAsync(id, Input("renamed"), cts.Token),
            await commands.DeleteAsync(id, cts.Token),
            await commands.CreateAsync(Input("sneaky"), cts.Token),
        };

        Assert.All(outcomes, o => Assert.Equal("ProblemForbidden", o.Message));
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>().CreateDbContextAsync(cts.Token);
        var monitor = await db.Monitors.SingleAsync(m => m.Id == id, cts.Token);
        Assert.Equal(("refused", true), (monitor.Name, monitor.Enabled));
        Assert.False(await db.Monitors.AnyAsync(m => m.Name == "sneaky", cts.Token));
    }

    [Fact]
    public async Task Operator_changes_go_through_core_validation_with_field_errors()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await CreateMonitorAsync("editable", cts.Token);
        using var scope = await _factory.CircuitScopeAsync("operator-cmd", UserRole.Operator);
        var commands = new CircuitCommands(scope);

        Assert.True(await commands.Circuit.CanAsync(Permissions.ServiceMonitorsWrite));
        var invalid = await commands.UpdateAsync(id, Input("editable") with { Target = "", Duration = 0 }, cts.Token);
        Assert.False(invalid.Succeeded);
        Assert.Contains("target", invalid.Errors.Keys);
        Assert.Contains("duration", invalid.Errors.Keys);

        Assert.True((await commands.SetEnabledAsync(id, false, cts.Token)).Succeeded);
        Assert.True((await commands.DeleteAsync(id, cts.Token)).Succeeded);
        Assert.Equal("ProblemNotFound", (await commands.DeleteAsync(id, cts.Token)).Message);
    }

    [Fact]
    public async Task The_form_saves_where_a_monitor_runs_and_which_hosts_it_skips_and_shows_unknown_ones_as_field_errors()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await CreateMonitorAsync("placed", cts.Token);
        var dbFactory = _factory.Services.GetRequiredService<IDbContextFactory<ProbeDbContext>>();
        int serverHostId, groupId;
        await using (var db = await dbFactory.CreateDbContextAsync(cts.Token))
        {
            serverHostId = await db.Hosts.Where(h => h.IsServer).Select(h => h.Id).SingleAsync(cts.Token);
            var group = new HostGroup { Name = "form-placement-group" };
            db.HostGroups.Add(group);
            await db.SaveChangesAsync(cts.Token);
            groupId = group.Id;
        }
        using var scope = await _factory.CircuitScopeAsync("operator-placement", UserRole.Operator);
        var commands = new CircuitCommands(scope);
        var form = MonitorFormModel.From(await LoadAsync(dbFactory, id, cts.Token));

        form.ExecuteOn = ExecuteOnKind.Group;
        form.ExecuteOnGroupId = groupId + 1000;
        form.SkipHostIds = [serverHostId, 987654];
        var invalid = await commands.UpdateAsync(id, form.ToInput(), cts.Token);
        Assert.False(invalid.Succeeded);
        Assert.Contains("execute_on.group_id", invalid.Errors.Keys);
        Assert.Contains("skip_hosts", invalid.Errors.Keys);

        form.ExecuteOnGroupId = groupId;
        form.SkipHostIds = [serverHostId];
        Assert.True((await commands.UpdateAsync(id, form.ToInput(), cts.Token)).Succeeded);
        var saved = await LoadAsync(dbFactory, id, cts.Token);
        Assert.Equal((ExecuteOnKind.Group, groupId), (saved.ExecuteOn, saved.ExecuteOnGroupId));
        Assert.Equal([serverHostId], saved.SkipHostIds);
        Assert.Equal([serverHostId], MonitorFormModel.From(saved).SkipHostIds);
    }

    /// <summary>What a component does: the circuit's actor, the Core service, the refusal as the page's outcome.</summary>
    private sealed class CircuitCommands(IServiceScope scope)
    {
        public CircuitActor Circuit { get; } = scope.ServiceProvider.GetRequiredService<CircuitActor>();
        private readonly MonitorService _monitors = scope.ServiceProvider.GetRequiredService<MonitorService>();

        public Task<CommandOutcome> CreateAsync(MonitorInput input, CancellationToken cancellationToken) => CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Saved(await _monitors.CreateAsync(await Circuit.GetAsync(), input, MonitorEditDialog.Origin, cancellationToken)));

        public Task<CommandOutcome> UpdateAsync(int id, MonitorInput input, CancellationToken cancellationToken) => CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Saved(await _monitors.UpdateAsync(await Circuit.GetAsync(), id, input, cancellationToken)));

        public Task<CommandOutcome> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken) => CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Found(await _monitors.SetEnabledAsync(await Circuit.GetAsync(), id, enabled, cancellationToken)));

        public Task<CommandOutcome> DeleteAsync(int id, CancellationToken cancellationToken) => CommandOutcome.RunAsync(async () =>
            MonitorOutcomes.Found(await _monitors.DeleteAsync(await Circuit.GetAsync(), id, cancellationToken)));
    }

    private static async Task<MonitorDefinition> LoadAsync(IDbContextFactory<ProbeDbContext> dbFactory, int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
    }

    private static MonitorInput Input(string name) =>
        new() { Name = name, Type = (int)MonitorKind.Http, Target = "http://127.0.0.1:9/", Duration = 60 };

    private async Task<int> CreateMonitorAsync(string name, CancellationToken cancellationToken)
    {
        var saved = await _factory.Services.GetRequiredService<MonitorService>().CreateAsync(Actor.System, Input(name), "test", cancellationToken);
        return saved.Monitor!.Id;
    }
}
