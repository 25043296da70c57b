using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProbeDashboard.Alerts.Rules;
using ProbeDashboard.Core.Alerts;
using ProbeDashboard.Core.Auth;
using ProbeDashboard.Tests.Support;

namespace ProbeDashboard.Tests.Ui.Alerts;

/// <summary>The rules editor and the validate-condition endpoint point at the same character, counted from 1.</summary>
public class ConditionErrorPositionTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    // "cpu_usage > " ends where a number should be: the 13th character.
    private const string Broken = "cpu_usage > ";

    [Fact]
    public async Task The_API_reports_the_1_based_character_in_position_and_in_the_message()
    {
        using var client = await factory.CreateClientAsync(UserRole.Viewer);
        using var response = await client.PostAsync("/api/v1/alert-rules/validate-condition", ApiJson.Content(new { type = "host_monitor", condition = Broken }));
        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(13, data.GetProperty("position").GetInt32());
        Assert.Equal("expected number at character 13", data.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_rule_dialog_names_the_same_character_and_puts_the_caret_under_it()
    {
        // Stored behind the API's back: the dialog shows the error of a rule it opens, the state a typing user sees.
        var ruleId = await factory.WithDbAsync(async db =>
        {
            var rule = new AlertRule { Name = "broken", Type = AlertRuleType.HostMonitor, Condition = Broken, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.AlertRules.Add(rule);
            await db.SaveChangesAsync();
            return rule.Id;
        });

        // The dialog reads through Core services as the circuit's user: an operator, who may open it.
        using var scope = await factory.CircuitScopeAsync("rule-dialog-operator", UserRole.Operator);
        // The dialog's DialogService watches navigation; outside a circuit the navigation manager needs its address.
        ((IHostEnvironmentNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/alert-rules");
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<AlertRuleDialog>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["RuleId"] = ruleId }))).ToHtmlString());

        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("expected number (character 13)", text);
        var caret = text[text.IndexOf("<pre>", StringComparison.Ordinal)..(text.IndexOf("</pre>", StringComparison.Ordinal) + 6)];
        Assert.Matches(@"^<pre>cpu_usage > <br\s*/?> {12}\^</pre>$", caret);
    }
}
