using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Alerts;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui.Alerts;

/// <summary>
/// The alert pages through the real app: they ask a signed-out visitor to sign in, and what a circuit asks of the
/// server on an event (acknowledge, silence, lift) is checked there against alert_events:write, not only hidden in
/// the page. What the pages show is tested on the components (Components/Alerts).
/// </summary>
public class AlertPagesTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private async Task<AlertEvent> FiringAsync(string name)
    {
        var monitor = await factory.Feed.AddMonitorAsync(name, m => { m.EnableAlert = true; m.FailThreshold = 1; });
        await factory.Feed.CommitRoundsAsync(monitor.Id, false);
        return await factory.Feed.EventAsync(e => e.TargetId == monitor.Id && e.Status == AlertEventStatus.Firing, $"{name} to fire");
    }

    /// <summary>What the alert pages call: the Core service with the circuit's actor, refusals read as the pages read them.</summary>
    private sealed class PageCommands(IServiceProvider services)
    {
        private readonly CircuitActor _circuit = services.GetRequiredService<CircuitActor>();
        private readonly AlertEventService _events = services.GetRequiredService<AlertEventService>();

        public Task<bool> CanWriteAsync() => _circuit.CanAsync(Permissions.AlertEventsWrite);

        public Task<ProbeDashboard.Ui.CommandOutcome> AcknowledgeAsync(long id, string? note, CancellationToken ct) =>
            AlertOutcomeText.RunAsync(async () => await _events.AcknowledgeAsync(await _circuit.GetAsync(), id, note, ct));

        public Task<IReadOnlyList<ProbeDashboard.Ui.CommandOutcome>> AcknowledgeManyAsync(IReadOnlyList<long> ids, string? note, CancellationToken ct) =>
            AlertOutcomeText.RunManyAsync(ids.Count, async () => await _events.AcknowledgeManyAsync(await _circuit.GetAsync(), ids, note, ct));

        public Task<ProbeDashboard.Ui.CommandOutcome> SilenceAsync(long id, int seconds, bool notifyOnResolve, CancellationToken ct) =>
            AlertOutcomeText.RunAsync(async () => await _events.SilenceAsync(await _circuit.GetAsync(), id, seconds, notifyOnResolve, ct));

        public Task<ProbeDashboard.Ui.CommandOutcome> LiftSilenceAsync(long id, CancellationToken ct) =>
            AlertOutcomeText.RunAsync(async () => await _events.LiftSilenceAsync(await _circuit.GetAsync(), id, ct));
    }

    private async Task<AlertEvent> ReloadAsync(long id)
    {
        await using var db = factory.Feed.Db();
        return await db.AlertEvents.FindAsync(id) ?? throw new InvalidOperationException($"event {id} is gone");
    }

    [Theory]
    [InlineData("/alerts")]
    [InlineData("/alerts/1")]
    [InlineData("/alert-rules")]
    [InlineData("/notification-groups")]
    public async Task Alert_pages_send_a_signed_out_visitor_to_the_sign_in_page(string page)
    {
        using var session = new DashboardSession(factory);
        var response = await session.Client.GetAsync(page, Timeout());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Viewer_commands_are_refused_by_the_server_and_the_event_stays_as_it_was()
    {
        var alertEvent = await FiringAsync("viewer-cmd-alert");
        using var scope = await factory.CircuitScopeAsync("alert-viewer-cmd", UserRole.Viewer);
        var commands = new PageCommands(scope.ServiceProvider);

        Assert.False(await commands.CanWriteAsync());
        var outcomes = new[]
        {
            await commands.AcknowledgeAsync(alertEvent.Id, "sneaky", Timeout()),
            await commands.SilenceAsync(alertEvent.Id, 3600, true, Timeout()),
            await commands.LiftSilenceAsync(alertEvent.Id, Timeout()),
        };
        Assert.All(outcomes, o => Assert.Equal("AlertProblemForbidden", o.Message));
        Assert.All(await commands.AcknowledgeManyAsync([alertEvent.Id], null, Timeout()), o => Assert.False(o.Succeeded));

        var unchanged = await ReloadAsync(alertEvent.Id);
        Assert.Equal((AlertEventStatus.Firing, false, null), (unchanged.Status, unchanged.Acknowledged, unchanged.SilenceUntil));
    }

    [Fact]
    public async Task Operator_acknowledges_silences_and_lifts_through_the_engine_and_gets_clear_refusals()
    {
        var alertEvent = await FiringAsync("operator-cmd-alert");
        using var scope = await factory.CircuitScopeAsync("alert-operator-cmd", UserRole.Operator);
        var commands = new PageCommands(scope.ServiceProvider);

        Assert.True((await commands.AcknowledgeAsync(alertEvent.Id, "  looking at it  ", Timeout())).Succeeded);
        var acknowledged = await ReloadAsync(alertEvent.Id);
        Assert.Equal((true, "alert-operator-cmd", "looking at it"), (acknowledged.Acknowledged, acknowledged.AckUserName, acknowledged.AckNote));

        Assert.Equal("AlertSilenceOutOfRange", (await commands.SilenceAsync(alertEvent.Id, 0, true, Timeout())).Message);
        Assert.True((await commands.SilenceAsync(alertEvent.Id, 3600, notifyOnResolve: false, Timeout())).Succeeded);
        var silenced = await ReloadAsync(alertEvent.Id);
        Assert.Equal((AlertEventStatus.Silenced, false), (silenced.Status, silenced.NotifyOnResolve));
        Assert.InRange(silenced.SilenceUntil!.Value, DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));

        Assert.True((await commands.LiftSilenceAsync(alertEvent.Id, Timeout())).Succeeded);
        Assert.Equal(AlertEventStatus.Firing, (await ReloadAsync(alertEvent.Id)).Status);
        var notSilenced = await commands.LiftSilenceAsync(alertEvent.Id, Timeout());
        Assert.Equal("AlertConflict", notSilenced.Message);
        Assert.Contains("is not silenced", notSilenced.Errors["event"][0]);
        Assert.Equal("AlertProblemNotFound", (await commands.AcknowledgeAsync(99_999_999, null, Timeout())).Message);
    }

    [Fact]
    public async Task Bulk_acknowledge_takes_each_event_on_its_own_and_reports_the_ones_that_failed()
    {
        var first = await FiringAsync("bulk-a");
        var second = await FiringAsync("bulk-b");
        using var scope = await factory.CircuitScopeAsync("alert-bulk-operator", UserRole.Operator);
        var commands = new PageCommands(scope.ServiceProvider);

        var outcomes = await commands.AcknowledgeManyAsync([first.Id, 99_999_998, second.Id], "maintenance window", Timeout());

        Assert.Equal([true, false, true], outcomes.Select(o => o.Succeeded));
        Assert.Equal("AlertProblemNotFound", outcomes[1].Message);
        foreach (var id in new[] { first.Id, second.Id })
            Assert.Equal((true, "maintenance window"), ((await ReloadAsync(id)).Acknowledged, (await ReloadAsync(id)).AckNote));
    }
}
