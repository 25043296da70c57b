using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProbeDashboard.Alerts;
using ProbeDashboard.Alerts.Rules;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Core.Notifications;
using ProbeDashboard.Notifications;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui.Alerts;

/// <summary>Rules and notification groups from the UI: alert_rules:write is checked by the server, validation is the API's.</summary>
public class AlertConfigCommandsTests(AlertTestFactory factory) : IClassFixture<AlertTestFactory>
{
    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static AlertRuleRequest Rule(string name, string condition) =>
        new(name, true, "service_probe", null, condition, 0, null, "warning", 0, null);

    private static NotificationGroupRequest Group(string name, params string[] emails) =>
        new(name, [.. emails], [new WebhookInput("http://127.0.0.1:9/hook", "s3cret")], null);

    [Fact]
    public async Task Viewer_cannot_create_change_delete_or_test_and_nothing_is_saved()
    {
        using var scope = await factory.CircuitScopeAsync("config-viewer", UserRole.Viewer);
        var rules = scope.ServiceProvider.GetRequiredService<AlertRuleCommands>();
        var groups = scope.ServiceProvider.GetRequiredService<NotificationGroupCommands>();

        Assert.False(await rules.CanWriteAsync());
        Assert.False(await groups.CanWriteAsync());
        var outcomes = new[]
        {
            await rules.SaveAsync(null, Rule("viewer rule", "latency > 1"), Timeout()),
            await rules.DeleteAsync(1, Timeout()),
            await groups.SaveAsync(null, Group("viewer group", "a@example.test"), Timeout()),
            await groups.SendTestAsync(1, Timeout()),
            await groups.DeleteAsync(1, Timeout()),
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
        var rules = scope.ServiceProvider.GetRequiredService<AlertRuleCommands>();
        var groups = scope.ServiceProvider.GetRequiredService<NotificationGroupCommands>();

        var wrongMetric = await rules.SaveAsync(null, Rule("host metric on a probe", "cpu_usage > 90"), Timeout());
        Assert.Contains("condition", wrongMetric.Errors.Keys);
        Assert.True((await rules.SaveAsync(null, Rule("slow", "latency > 2 || status_code >= 500"), Timeout())).Succeeded);

        var badMail = await groups.SaveAsync(null, Group("ops", "not-an-address"), Timeout());
        Assert.Contains("emails", badMail.Errors.Keys);
        Assert.True((await groups.SaveAsync(null, Group("ops", "ops@example.test"), Timeout())).Succeeded);
        var duplicate = await groups.SaveAsync(null, Group("ops", "other@example.test"), Timeout());
        Assert.Equal("AlertConflict", duplicate.Message);

        await using var db = factory.Feed.Db();
        var group = await db.NotificationGroups.Include(g => g.Recipients).SingleAsync(g => g.Name == "ops");
        var hook = group.Recipients.Single(r => r.Address == "http://127.0.0.1:9/hook");
        Assert.NotNull(hook.ProtectedSecret);
        Assert.DoesNotContain("s3cret", hook.ProtectedSecret);
        Assert.True((await groups.SendTestAsync(group.Id, Timeout())).Succeeded);
        Assert.Equal(2, await db.NotificationOutbox.CountAsync(o => o.Purpose == NotificationPurpose.Test));
    }
}
