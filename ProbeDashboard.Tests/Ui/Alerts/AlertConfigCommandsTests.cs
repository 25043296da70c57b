using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Alerts.Rules;
using ProbeDashboard.Auth;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui.Alerts;

/// <summary>Rules and notification groups from the UI: alert_rules:write is checked by the Core service for the circuit's actor, validation is the API's.</summary>
public class AlertConfigCommandsTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static AlertRuleInput Rule(string name, string condition) =>
        new(name, true, "service_probe", null, condition, 0, null, "warning", 0, null);

    private static NotificationGroupInput Group(string name, params string[] emails) =>
        new(name, [.. emails], [new WebhookInput("http://127.0.0.1:9/hook", "s3cret")], null);

    [Fact]
    public async Task Viewer_cannot_create_change_delete_or_test_and_nothing_is_saved()
    {
        using var scope = await factory.CircuitScopeAsync("config-viewer", UserRole.Viewer);
        var circuit = scope.ServiceProvider.GetRequiredService<CircuitActor>();
        var rules = scope.ServiceProvider.GetRequiredService<AlertRuleService>();
        var groups = scope.ServiceProvider.GetRequiredService<NotificationGroupService>();

        Assert.False(await circuit.CanAsync(Permissions.AlertRulesWrite));
        var outcomes = new[]
        {
            await AlertRuleOutcomes.SaveAsync(actor => rules.CreateAsync(actor, Rule("viewer rule", "latency > 1"), Timeout()), circuit),
            await AlertRuleOutcomes.DeleteAsync(actor => rules.DeleteAsync(actor, 1, Timeout()), circuit),
            await NotificationGroupOutcomes.RunAsync(actor => groups.CreateAsync(actor, Group("viewer group", "a@example.test"), Timeout()), circuit),
            await NotificationGroupOutcomes.RunAsync(actor => groups.SendTestAsync(actor, 1, Timeout()), circuit),
            await NotificationGroupOutcomes.RunAsync(actor => groups.DeleteAsync(actor, 1, Timeout()), circuit),
        };
        Assert.All(outcomes, o => Assert.Equal("AlertRulesForbidden", o.Message));
        await using var db = factory.Feed.Db();
        Assert.False(await db.AlertRules.AnyAsync(r => r.Name == "viewer rule"));
        Assert.False(await db.NotificationGroups.AnyAsync(g => g.Name == "viewer group"));
    }

    [Fact]
    public async Task Operator_gets_the_apis_field_errors_and_saves_rules_and_groups_with_secrets_kept_hidden()
    {
        using var scope = await factory.CircuitScopeAsync("config-operator", UserRole.Operator);
        var circuit = scope.ServiceProvider.GetRequiredService<CircuitActor>();
        var rules = scope.ServiceProvider.GetRequiredService<AlertRuleService>();
        var groups = scope.ServiceProvider.GetRequiredService<NotificationGroupService>();
        Task<ProbeDashboard.Ui.CommandOutcome> SaveRule(AlertRuleInput input) => AlertRuleOutcomes.SaveAsync(actor => rules.CreateAsync(actor, input, Timeout()), circuit);
        Task<ProbeDashboard.Ui.CommandOutcome> SaveGroup(NotificationGroupInput input) => NotificationGroupOutcomes.RunAsync(actor => groups.CreateAsync(actor, input, Timeout()), circuit);

        var wrongMetric = await SaveRule(Rule("host metric on a probe", "cpu_usage > 90"));
        Assert.Contains("condition", wrongMetric.Errors.Keys);
        Assert.True((await SaveRule(Rule("slow", "latency > 2 || status_code >= 500"))).Succeeded);

        var badMail = await SaveGroup(Group("ops", "not-an-address"));
        Assert.Contains("emails", badMail.Errors.Keys);
        Assert.True((await SaveGroup(Group("ops", "ops@example.test"))).Succeeded);
        var duplicate = await SaveGroup(Group("ops", "other@example.test"));
        Assert.Equal("AlertConflict", duplicate.Message);

        await using var db = factory.Feed.Db();
        var group = await db.NotificationGroups.Include(g => g.Recipients).SingleAsync(g => g.Name == "ops");
        var hook = group.Recipients.Single(r => r.Address == "http://127.0.0.1:9/hook");
        Assert.NotNull(hook.ProtectedSecret);
        Assert.DoesNotContain("s3cret", hook.ProtectedSecret);
        Assert.True((await NotificationGroupOutcomes.RunAsync(actor => groups.SendTestAsync(actor, group.Id, Timeout()), circuit)).Succeeded);
        Assert.Equal(2, await db.NotificationOutbox.CountAsync(o => o.Purpose == NotificationPurpose.Test));
    }
}
